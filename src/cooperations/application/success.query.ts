import { Injectable } from '@nestjs/common';
import type { Principal } from '../../auth/principal';
import { stateToString, type SuccessSeries, successSeries } from '../domain';
import { CooperationReader } from './get-cooperation.query';

export interface SuccessView {
  cooperationId: string;
  state: string;
  version: number;
  series: SuccessSeries[];
}

/** The success criteria of the letter of intent against the reported values, one series each [P6]. */
@Injectable()
export class SuccessQuery {
  constructor(private readonly reader: CooperationReader) {}

  async execute(id: string, principal: Principal): Promise<SuccessView> {
    const { stored, state } = await this.reader.read(id, principal);
    return {
      cooperationId: id,
      state: stateToString(state.value),
      version: stored.version,
      series: successSeries(state.context),
    };
  }
}
