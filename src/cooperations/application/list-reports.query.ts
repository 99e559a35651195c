import { Injectable } from '@nestjs/common';
import type { Principal } from '../../auth/principal';
import { Clock, nowOf } from '../../common/clock';
import { type ReportingPeriod, reportingPeriods, stateToString } from '../domain';
import { CooperationReader } from './get-cooperation.query';

export interface ReportsView {
  cooperationId: string;
  state: string;
  asOf: string;
  periods: ReportingPeriod[];
}

/** The reporting periods of every duty with their status now. */
@Injectable()
export class ListReportsQuery {
  constructor(
    private readonly reader: CooperationReader,
    private readonly clock: Clock,
  ) {}

  async execute(id: string, principal: Principal): Promise<ReportsView> {
    const { state } = await this.reader.read(id, principal);
    const now = nowOf(this.clock);
    return {
      cooperationId: id,
      state: stateToString(state.value),
      asOf: now.toISOString(),
      periods: reportingPeriods(state.context, now),
    };
  }
}
