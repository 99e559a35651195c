import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PageQuery } from '../../common/pagination';

const AGS = /^\d{8}$/;

export class CreateSubscriptionDto {
  @ApiProperty({
    example: 'https://dms.heek.de/ikz-events',
    description: 'http(s) only; in production a public address',
  })
  @IsString()
  @MaxLength(2000)
  url!: string;

  @ApiPropertyOptional({
    example: '05554024',
    description: "Whose cooperations' events; a coordinator's own by default, absent for an admin: every event",
  })
  @IsOptional()
  @Matches(AGS, { message: 'validation.ags' })
  municipality?: string;
}

export class SubscriptionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ nullable: true, type: String, description: 'null: global (every event)' }) municipality!:
    string | null;
  @ApiProperty() url!: string;
  @ApiPropertyOptional({ description: 'Standard Webhooks secret (`whsec_…`), only in the answer to the creation' })
  secret?: string;
  @ApiProperty() createdBy!: { sub: string; role: string };
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class RegisterAddressDto {
  @ApiProperty({ example: 'ikz@heek.de' })
  @IsEmail()
  @MaxLength(320)
  email!: string;

  @ApiProperty({
    enum: ['coordinator', 'steering-board'],
    description: 'Which of the municipality’s roles it receives',
  })
  @IsIn(['coordinator', 'steering-board'])
  role!: 'coordinator' | 'steering-board';

  @ApiPropertyOptional({ example: 'Fachbereich Bauen', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string;
}

export class AddressDto {
  @ApiProperty({ format: 'uuid', description: 'The personal data record' }) id!: string;
  @ApiProperty() municipality!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: ['coordinator', 'steering-board'] }) role!: string;
  @ApiPropertyOptional() name?: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class DeliveryListQueryDto extends PageQuery {
  @ApiPropertyOptional({ description: 'Admins: one municipality’s log' })
  @IsOptional()
  @Matches(AGS, { message: 'validation.ags' })
  municipality?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  cooperation?: string;

  @ApiPropertyOptional({ enum: ['pending', 'delivered', 'failed'] })
  @IsOptional()
  @IsIn(['pending', 'delivered', 'failed'])
  status?: 'pending' | 'delivered' | 'failed';
}

export class AttemptDto {
  @ApiProperty() attempt!: number;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty() ok!: boolean;
  @ApiProperty({ nullable: true, type: String }) detail!: string | null;
}

export class DeliveryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({
    format: 'uuid',
    description: 'The CloudEvent id (= webhook-id, NATS message id): the same on redelivery',
  })
  eventId!: string;
  @ApiProperty({ format: 'uuid' }) cooperationId!: string;
  @ApiProperty({ enum: ['email', 'webhook', 'nats'] }) channel!: string;
  @ApiProperty({
    description: 'E-mail: the personal data record of the address; webhook: the subscription; nats: the subject',
  })
  target!: string;
  @ApiProperty({ nullable: true, type: String }) municipality!: string | null;
  @ApiProperty({ nullable: true, type: String }) role!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'E-mail subject' }) subject!: string | null;
  @ApiProperty({ enum: ['pending', 'delivered', 'failed'] }) status!: string;
  @ApiProperty() attempts!: number;
  @ApiProperty({ format: 'date-time' }) nextAttemptAt!: string;
  @ApiProperty({ nullable: true, type: String }) lastError!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) redeliveryOf!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) deliveredAt!: string | null;
  @ApiPropertyOptional({ type: [AttemptDto] }) attemptLog?: AttemptDto[];
}
