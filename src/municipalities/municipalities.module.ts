import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MunicipalityFinder } from './application/municipality-finder';
import { RegisterMunicipalityUseCase } from './application/register-municipality.use-case';
import { SearchMunicipalitiesQuery } from './application/search-municipalities.query';
import { MunicipalitiesController } from './http/municipalities.controller';
import { Municipality } from './infrastructure/municipality.entity';
import { MunicipalityRepository } from './infrastructure/municipality.repository';

/** The registry of public bodies (NRW municipalities and Kreise, and bodies added by admins). */
@Module({
  imports: [TypeOrmModule.forFeature([Municipality])],
  controllers: [MunicipalitiesController],
  providers: [MunicipalityRepository, MunicipalityFinder, SearchMunicipalitiesQuery, RegisterMunicipalityUseCase],
  exports: [MunicipalityFinder],
})
export class MunicipalitiesModule {}
