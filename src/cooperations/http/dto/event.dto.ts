import { applyDecorators, type Type as ClassType } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  Equals,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsUUID,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { AGS_PATTERN } from '../../../auth/principal';
import {
  CONFLICT_LEVEL_KINDS,
  COUNCIL_BODIES,
  DECISION_RULES,
  DURATION_UNITS,
  LEGAL_FORM_IDS,
  type LifecycleEventType,
  ORV_VARIANTS,
  REPORT_INTERVALS,
  STEERING_BODY_KINDS,
} from '../../domain';

/*
 * One DTO per event type, selected by `type` (EventBodyPipe). They check the shape — types,
 * required and unknown fields, lengths — so that a malformed body is a 400 with field paths. What
 * depends on the cooperation (participants, versions, dates against today) is the domain's to
 * judge (422 `invalid-event`). Limits mirror the domain's schemas in `domain/phases/*.rules.ts`.
 */

const MAX_ITEMS = 500;

/** Present but possibly absent: unlike @IsOptional, `null` is still validated (and refused). */
const Absent = () => ValidateIf((_o, v) => v !== undefined);
const Text = (max: number, required = true) =>
  applyDecorators(
    IsString(),
    MaxLength(max),
    ...(required ? [Matches(/\S/, { message: '$property must not be empty' })] : []),
  );
const Ags = (each = false) =>
  Matches(AGS_PATTERN, { each, message: `$property must be ${each ? 'a list of ' : ''}8-digit keys (AGS)` });
const CalendarDay = () =>
  applyDecorators(
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date YYYY-MM-DD' }),
    IsISO8601({ strict: true }, { message: '$property must be a valid date' }),
  );
const Nested = (type: () => ClassType, array = false) =>
  applyDecorators(...(array ? [IsArray(), ArrayMaxSize(MAX_ITEMS)] : []), ValidateNested({ each: array }), Type(type));
const Strings = (max: number) =>
  applyDecorators(IsArray(), ArrayMaxSize(MAX_ITEMS), IsString({ each: true }), MaxLength(max, { each: true }));
const Finite = () => IsNumber({ allowNaN: false, allowInfinity: false });
const TypeOf = (type: LifecycleEventType) =>
  applyDecorators(ApiProperty({ enum: [type] }), Equals(type, { message: `$property must be ${type}` }));

// ---- partnerSearch -------------------------------------------------------------------------

export class InvitePartnerEvent {
  @TypeOf('INVITE_PARTNER') type!: 'INVITE_PARTNER';

  @ApiProperty({ example: '05554036', description: 'AGS of the municipality to invite (looked up in the registry)' })
  @Ags()
  municipality!: string;
}

export class AcceptInvitationEvent {
  @TypeOf('ACCEPT_INVITATION') type!: 'ACCEPT_INVITATION';
}

export class DeclineInvitationEvent {
  @TypeOf('DECLINE_INVITATION') type!: 'DECLINE_INVITATION';

  @ApiPropertyOptional({ maxLength: 2000 })
  @Absent()
  @Text(2000, false)
  reason?: string;
}

export class WithdrawInvitationEvent {
  @TypeOf('WITHDRAW_INVITATION') type!: 'WITHDRAW_INVITATION';

  @ApiProperty({ example: '05554036', description: 'AGS of the municipality whose open invitation is withdrawn' })
  @Ags()
  municipality!: string;
}

export class LeavePartnerSearchEvent {
  @TypeOf('LEAVE_PARTNER_SEARCH') type!: 'LEAVE_PARTNER_SEARCH';

  @ApiPropertyOptional({ maxLength: 2000 })
  @Absent()
  @Text(2000, false)
  reason?: string;
}

export class ContactAuthorityDto {
  @ApiProperty({ example: 'Bürgermeister der Gemeinde Heek' })
  @Text(200)
  conferredBy!: string;

  @ApiProperty({ example: '2026-01-21', format: 'date' })
  @CalendarDay()
  conferredOn!: string;

  @ApiProperty({ example: 'Verhandlung und Unterzeichnung der Absichtserklärung' })
  @Text(2000)
  scope!: string;
}

export class AppointContactEvent {
  @TypeOf('APPOINT_CONTACT') type!: 'APPOINT_CONTACT';

  @ApiProperty({ example: 'Anna Brüning' })
  @Text(200)
  name!: string;

  @ApiPropertyOptional({ example: 'a.bruening@heek.de' })
  @Absent()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiProperty({ example: 'Fachbereichsleiterin Bauen, Planen, Umwelt' })
  @Text(200)
  position!: string;

  @ApiProperty({ description: 'Token subject (`sub`) of the coordinator who acts and signs for the municipality' })
  @Text(200)
  userSub!: string;

  @ApiProperty({ type: ContactAuthorityDto })
  @Nested(() => ContactAuthorityDto)
  authority!: ContactAuthorityDto;
}

export class StartLetterOfIntentEvent {
  @TypeOf('START_LETTER_OF_INTENT') type!: 'START_LETTER_OF_INTENT';
}

// ---- letterOfIntent ------------------------------------------------------------------------

export class ResponsibilityDto {
  @ApiProperty({ example: '05554024' }) @Ags() municipality!: string;
  @ApiProperty() @Text(20_000, false) text!: string;
}

export class TimePledgeDto {
  @ApiPropertyOptional({ minimum: 0 }) @Absent() @Finite() @Min(0) personDays?: number;
  @ApiProperty({ example: '18 Monate Aufbauphase' }) @Text(2000, false) timeline!: string;
}

export class PersonnelPledgeDto {
  @ApiPropertyOptional({ minimum: 0, maximum: 1000, description: 'Full-time equivalents' })
  @Absent()
  @Finite()
  @Min(0)
  @Max(1000)
  fte?: number;

  @ApiPropertyOptional({ type: [String] }) @Absent() @Strings(200) roles?: string[];
}

export class ResourcePledgeDto {
  @ApiProperty({ example: '05554024' }) @Ags() municipality!: string;
  @ApiProperty({ type: TimePledgeDto }) @Nested(() => TimePledgeDto) time!: TimePledgeDto;
  @ApiProperty({ type: PersonnelPledgeDto }) @Nested(() => PersonnelPledgeDto) personnel!: PersonnelPledgeDto;

  @ApiProperty({ description: 'Integer euro cents; 0 is an explicit "no money"', example: 12_000_000 })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  moneyCents!: number;
}

export class SuccessCriterionDto {
  @ApiProperty({ example: 'Kosten je km unterhaltener Gemeindestraße' }) @Text(500, false) indicator!: string;
  @ApiProperty({ example: -10 }) @Finite() target!: number;
  @ApiProperty({ example: '% gegenüber 2025' }) @Text(100, false) unit!: string;
  @ApiPropertyOptional() @Absent() @Finite() baseline?: number;
}

/** Drafts may be incomplete; OBL-LOI-CONTENT and OBL-SUCCESS-CRITERIA block the adoption. */
export class DraftLoiEvent {
  @TypeOf('DRAFT_LOI') type!: 'DRAFT_LOI';
  @ApiProperty() @Text(20_000, false) expectations!: string;
  @ApiProperty({ type: [String] }) @Strings(2000) goals!: string[];
  @ApiProperty({ type: [ResponsibilityDto] })
  @Nested(() => ResponsibilityDto, true)
  responsibilities!: ResponsibilityDto[];
  @ApiProperty({ type: [ResourcePledgeDto] }) @Nested(() => ResourcePledgeDto, true) resources!: ResourcePledgeDto[];

  @ApiProperty({ type: [SuccessCriterionDto] })
  @Nested(() => SuccessCriterionDto, true)
  successCriteria!: SuccessCriterionDto[];
}

export class SignLoiEvent {
  @TypeOf('SIGN_LOI') type!: 'SIGN_LOI';
  @ApiProperty({ minimum: 1, description: 'The LoI version signed (must be the current one)' })
  @IsInt()
  @Min(1)
  version!: number;
}

export class AdoptLoiEvent {
  @TypeOf('ADOPT_LOI') type!: 'ADOPT_LOI';
}

// ---- planning ------------------------------------------------------------------------------

export class SteeringBodyMemberDto {
  @ApiProperty({ example: '05554024' }) @Ags() municipality!: string;
  @ApiProperty() @Text(200) name!: string;
  @ApiProperty() @Text(200) function!: string;
}

export class DefineSteeringBodyEvent {
  @TypeOf('DEFINE_STEERING_BODY') type!: 'DEFINE_STEERING_BODY';
  @ApiProperty({ enum: STEERING_BODY_KINDS }) @IsIn(STEERING_BODY_KINDS) kind!: string;
  @ApiProperty({ example: 'Lenkungsausschuss Gemeinsamer Bauhof' }) @Text(200) name!: string;

  @ApiProperty({ type: [SteeringBodyMemberDto] })
  @Nested(() => SteeringBodyMemberDto, true)
  @ArrayMinSize(1)
  members!: SteeringBodyMemberDto[];

  @ApiProperty({ enum: DECISION_RULES }) @IsIn(DECISION_RULES) decisionRule!: string;
}

export class ReportingDutyDto {
  @ApiProperty({ example: '05554024' }) @Ags() reporter!: string;

  @ApiProperty({ type: [String], description: "'steering-body', 'all-partners' or the AGS of a participant" })
  @Strings(20)
  recipients!: string[];

  @ApiProperty({ enum: REPORT_INTERVALS }) @IsIn(REPORT_INTERVALS) interval!: string;
  @ApiProperty({ type: [String] }) @Strings(500) contents!: string[];
}

export class DefineReportingDutiesEvent {
  @TypeOf('DEFINE_REPORTING_DUTIES') type!: 'DEFINE_REPORTING_DUTIES';
  @ApiProperty({ type: [ReportingDutyDto] })
  @Nested(() => ReportingDutyDto, true)
  @ArrayMinSize(1)
  duties!: ReportingDutyDto[];
  @ApiProperty({ minimum: 0, maximum: 365 }) @IsInt() @Min(0) @Max(365) gracePeriodDays!: number;
}

export class StartContractEvent {
  @TypeOf('START_CONTRACT') type!: 'START_CONTRACT';
}

// ---- contract ------------------------------------------------------------------------------

export class DurationDto {
  @ApiProperty({ minimum: 0, maximum: 10_000 }) @IsInt() @Min(0) @Max(10_000) amount!: number;
  @ApiProperty({ enum: DURATION_UNITS }) @IsIn(DURATION_UNITS) unit!: string;
}

export class CostShareDto {
  @ApiProperty({ example: '05554024' }) @Ags() municipality!: string;
  @ApiProperty({ minimum: 0, maximum: 100 }) @Finite() @Min(0) @Max(100) percent!: number;
}

export class CostAllocationDto {
  @ApiProperty() @Text(2000) description!: string;
  @ApiProperty({ type: [CostShareDto] }) @Nested(() => CostShareDto, true) shares!: CostShareDto[];
}

export class TermDto {
  @ApiProperty({ format: 'date', example: '2027-01-01' }) @CalendarDay() start!: string;

  @ApiPropertyOptional({ format: 'date', nullable: true, description: 'null or absent: indefinite' })
  @IsOptional()
  @CalendarDay()
  end?: string | null;
}

export class ConflictLevelDto {
  @ApiProperty({ example: 'Stufe 1: Lenkungsausschuss' }) @Text(200, false) name!: string;
  @ApiProperty({ example: 'Lenkungsausschuss Gemeinsamer Bauhof' }) @Text(500, false) body!: string;
  @ApiProperty({ enum: CONFLICT_LEVEL_KINDS }) @IsIn(CONFLICT_LEVEL_KINDS) kind!: string;
  @ApiProperty({ type: DurationDto }) @Nested(() => DurationDto) responseDeadline!: DurationDto;
}

export class ConflictProcedureDto {
  @ApiProperty({ type: [ConflictLevelDto] }) @Nested(() => ConflictLevelDto, true) levels!: ConflictLevelDto[];
}

export class ExitTermsDto {
  @ApiPropertyOptional({ type: DurationDto }) @Absent() @Nested(() => DurationDto) noticePeriod?: DurationDto;

  @ApiPropertyOptional({ enum: ['calendar-year', 'quarter'], nullable: true })
  @IsOptional()
  @IsIn(['calendar-year', 'quarter'])
  toEndOf?: string | null;

  @ApiPropertyOptional({ format: 'date' }) @Absent() @CalendarDay() earliestDate?: string;
  @ApiPropertyOptional() @Absent() @Text(20_000, false) costs?: string;
  @ApiPropertyOptional() @Absent() @Text(20_000, false) assets?: string;
  @ApiPropertyOptional() @Absent() @Text(20_000, false) staff?: string;
  @ApiPropertyOptional() @Absent() @Text(20_000, false) it?: string;
  @ApiPropertyOptional() @Absent() @Text(20_000, false) premises?: string;
  @ApiPropertyOptional() @Absent() @Text(20_000, false) vehiclesAndEquipment?: string;
}

/** A new contract version; voids signatures, council resolutions and the supervisory step. */
export class DraftContractEvent {
  @TypeOf('DRAFT_CONTRACT') type!: 'DRAFT_CONTRACT';
  @ApiProperty({ enum: LEGAL_FORM_IDS }) @IsIn(LEGAL_FORM_IDS) legalForm!: string;

  @ApiPropertyOptional({ enum: ORV_VARIANTS, description: 'For oeffentlich-rechtliche-vereinbarung only' })
  @Absent()
  @IsIn(ORV_VARIANTS)
  variant?: string;

  @ApiProperty({ example: '05554024', description: 'AGS of the seat / performing municipality' }) @Ags() seat!: string;

  @ApiProperty({ type: [String] })
  @Strings(2000)
  @ArrayMinSize(1)
  @Matches(/\S/, { each: true, message: 'each value in $property must not be empty' })
  tasks!: string[];

  @ApiProperty({ type: CostAllocationDto }) @Nested(() => CostAllocationDto) costAllocation!: CostAllocationDto;
  @ApiProperty({ type: TermDto }) @Nested(() => TermDto) term!: TermDto;

  @ApiPropertyOptional({ type: ConflictProcedureDto })
  @Absent()
  @Nested(() => ConflictProcedureDto)
  conflictProcedure?: ConflictProcedureDto;

  @ApiPropertyOptional({ type: ExitTermsDto }) @Absent() @Nested(() => ExitTermsDto) exitTerms?: ExitTermsDto;
}

export class RecordCouncilResolutionEvent {
  @TypeOf('RECORD_COUNCIL_RESOLUTION') type!: 'RECORD_COUNCIL_RESOLUTION';
  @ApiProperty({ minimum: 1 }) @IsInt() @Min(1) version!: number;
  @ApiProperty({ enum: COUNCIL_BODIES }) @IsIn(COUNCIL_BODIES) body!: string;
  @ApiProperty({ format: 'date', description: 'Date of the session; not in the future' }) @CalendarDay() date!: string;
  @ApiProperty({ example: 'Vorlage 2026/061' }) @Text(200) reference!: string;
}

export class RecordSupervisoryStepEvent {
  @TypeOf('RECORD_SUPERVISORY_STEP') type!: 'RECORD_SUPERVISORY_STEP';
  @ApiProperty({ enum: ['approval', 'notification'] }) @IsIn(['approval', 'notification']) kind!: string;
  @ApiProperty({ example: 'Landrat des Kreises Borken' }) @Text(300) authority!: string;
  @ApiProperty({ format: 'date' }) @CalendarDay() submittedOn!: string;
  @ApiPropertyOptional({ format: 'date' }) @Absent() @CalendarDay() approvedOn?: string;
  @ApiPropertyOptional() @Absent() @IsBoolean() deemedApproval?: boolean;
  @ApiPropertyOptional({ format: 'date' }) @Absent() @CalendarDay() objectedOn?: string;
  @ApiPropertyOptional({ format: 'date' }) @Absent() @CalendarDay() discussionScheduledOn?: string;
  @ApiPropertyOptional({ format: 'date' }) @Absent() @CalendarDay() publishedOn?: string;
  @ApiPropertyOptional() @Absent() @Text(300) gazetteReference?: string;
}

export class SignContractEvent {
  @TypeOf('SIGN_CONTRACT') type!: 'SIGN_CONTRACT';
  @ApiProperty({ minimum: 1 }) @IsInt() @Min(1) version!: number;
}

export class PutIntoForceEvent {
  @TypeOf('PUT_INTO_FORCE') type!: 'PUT_INTO_FORCE';
}

export class AbandonEvent {
  @TypeOf('ABANDON') type!: 'ABANDON';
  @ApiProperty({ maxLength: 5000 }) @Text(5000) reason!: string;
}

// ---- active: reporting [P6, P8] --------------------------------------------------------------

export class ReportValueDto {
  @ApiProperty({ example: 'Kosten je km unterhaltener Gemeindestraße' }) @Text(500) indicator!: string;
  @ApiProperty({ example: -4.5 }) @Finite() value!: number;
  @ApiPropertyOptional({ maxLength: 2000 }) @Absent() @Text(2000, false) comment?: string;
}

export class SubmitReportEvent {
  @TypeOf('SUBMIT_REPORT') type!: 'SUBMIT_REPORT';

  @ApiProperty({
    example: '2027-Q1',
    maxLength: 40,
    description: "The period's label (2027-Q1, 2027-03, 2027-H1, 2027, or <start>/P3M) or its start date",
  })
  @Text(40)
  period!: string;

  @ApiProperty({ maxLength: 20_000 }) @Text(20_000) narrative!: string;

  @ApiProperty({ type: [ReportValueDto], description: 'One value for every success criterion of the LoI' })
  @Nested(() => ReportValueDto, true)
  values!: ReportValueDto[];
}

export class AcknowledgeReportEvent {
  @TypeOf('ACKNOWLEDGE_REPORT') type!: 'ACKNOWLEDGE_REPORT';
  @ApiProperty({ example: '2027-Q1', maxLength: 40 }) @Text(40) period!: string;

  @ApiPropertyOptional({
    example: '05554024',
    description: 'Only when several reporters have a period with this label',
  })
  @Absent()
  @Ags()
  reporter?: string;
}

// ---- active: escalation [P6] ---------------------------------------------------------------

export class RaiseConflictEvent {
  @TypeOf('RAISE_CONFLICT') type!: 'RAISE_CONFLICT';
  @ApiProperty({ maxLength: 300 }) @Text(300) subject!: string;
  @ApiProperty({ maxLength: 20_000 }) @Text(20_000) description!: string;

  @ApiProperty({ type: [String], example: ['05554024', '05554036'], description: 'AGS of the partners in conflict' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @Ags(true)
  parties!: string[];
}

const CaseId = () =>
  applyDecorators(ApiProperty({ maxLength: 100, description: 'The escalation case id (UUID)' }), Text(100));

export class ResolveCaseEvent {
  @TypeOf('RESOLVE_CASE') type!: 'RESOLVE_CASE';
  @CaseId() caseId!: string;
  @ApiProperty({ maxLength: 20_000 }) @Text(20_000) decision!: string;
}

export class EscalateCaseEvent {
  @TypeOf('ESCALATE_CASE') type!: 'ESCALATE_CASE';
  @CaseId() caseId!: string;
  @ApiProperty({ maxLength: 20_000 }) @Text(20_000) reason!: string;
}

export class DeclareCaseFailedEvent {
  @TypeOf('DECLARE_CASE_FAILED') type!: 'DECLARE_CASE_FAILED';
  @CaseId() caseId!: string;
  @ApiProperty({ maxLength: 20_000 }) @Text(20_000) reason!: string;
}

// ---- active: membership [P7] ---------------------------------------------------------------

export class ExitPlanDto {
  @ApiPropertyOptional() @Absent() @Text(20_000, false) organisation?: string;
  @ApiPropertyOptional() @Absent() @Text(20_000, false) staffCapacityAndExpertise?: string;
  @ApiPropertyOptional() @Absent() @Text(20_000, false) it?: string;
  @ApiPropertyOptional() @Absent() @Text(20_000, false) premises?: string;
  @ApiPropertyOptional() @Absent() @Text(20_000, false) vehiclesAndEquipment?: string;
}

export class StatuteMajorityDto {
  @ApiProperty({ minimum: 1, maximum: 1000 }) @IsInt() @Min(1) @Max(1000) numerator!: number;
  @ApiProperty({ minimum: 1, maximum: 1000 }) @IsInt() @Min(1) @Max(1000) denominator!: number;
  @ApiProperty({ maxLength: 300 }) @Text(300) reference!: string;
}

export class FormSpecificExitStepDto {
  @ApiPropertyOptional({ example: 'Landrat des Kreises Borken' }) @Absent() @Text(300, false) authority?: string;
  @ApiPropertyOptional({ format: 'date' }) @Absent() @CalendarDay() notifiedOn?: string;
  @ApiPropertyOptional({ format: 'date' }) @Absent() @CalendarDay() publishedOn?: string;
  @ApiPropertyOptional() @Absent() @Text(300, false) gazetteReference?: string;
  @ApiPropertyOptional({ format: 'date' }) @Absent() @CalendarDay() voteDate?: string;
  @ApiPropertyOptional({ minimum: 0 }) @Absent() @IsInt() @Min(0) @Max(100_000) votesFor?: number;
  @ApiPropertyOptional({ minimum: 1 }) @Absent() @IsInt() @Min(1) @Max(100_000) votesTotal?: number;

  @ApiPropertyOptional({ type: StatuteMajorityDto })
  @Absent()
  @Nested(() => StatuteMajorityDto)
  statuteMajority?: StatuteMajorityDto;

  @ApiPropertyOptional({ maxLength: 2000 }) @Absent() @Text(2000, false) provision?: string;
}

/** Plan and form step are optional here: without them the domain answers 409 naming the obligations. */
export class RequestExitEvent {
  @TypeOf('REQUEST_EXIT') type!: 'REQUEST_EXIT';
  @ApiProperty({ maxLength: 20_000 }) @Text(20_000) reasons!: string;

  @ApiPropertyOptional({ description: 'A failed escalation case of this cooperation (OBL-EXIT-ULTIMA-RATIO)' })
  @Absent()
  @Text(100)
  escalationCaseId?: string;

  @ApiPropertyOptional({ description: 'Why the conflict procedure does not apply (OBL-EXIT-ULTIMA-RATIO)' })
  @Absent()
  @Text(20_000, false)
  conflictProcedureNotApplicable?: string;

  @ApiPropertyOptional({ type: ExitPlanDto }) @Absent() @Nested(() => ExitPlanDto) exitPlan?: ExitPlanDto;

  @ApiPropertyOptional({ type: FormSpecificExitStepDto })
  @Absent()
  @Nested(() => FormSpecificExitStepDto)
  formSpecificStep?: FormSpecificExitStepDto;
}

export class WithdrawExitRequestEvent {
  @TypeOf('WITHDRAW_EXIT_REQUEST') type!: 'WITHDRAW_EXIT_REQUEST';
  @ApiPropertyOptional({ maxLength: 2000 }) @Absent() @Text(2000, false) reason?: string;
}

// ---- active / dissolving: dissolution ------------------------------------------------------

export class ProposeDissolutionEvent {
  @TypeOf('PROPOSE_DISSOLUTION') type!: 'PROPOSE_DISSOLUTION';
  @ApiProperty({ maxLength: 5000 }) @Text(5000) reason!: string;
}

export class RecordDissolutionResolutionEvent {
  @TypeOf('RECORD_DISSOLUTION_RESOLUTION') type!: 'RECORD_DISSOLUTION_RESOLUTION';
  @ApiProperty({ enum: COUNCIL_BODIES }) @IsIn(COUNCIL_BODIES) body!: string;
  @ApiProperty({ format: 'date', description: 'Date of the session; not in the future' }) @CalendarDay() date!: string;
  @ApiProperty({ example: 'Vorlage 2032/017' }) @Text(200) reference!: string;
  @ApiProperty({ description: 'false rejects the open proposal' }) @IsBoolean() agreed!: boolean;
}

/** Parts are optional here: a missing one is answered 409 naming OBL-WINDING-UP. */
export class RecordWindingUpEvent {
  @TypeOf('RECORD_WINDING_UP') type!: 'RECORD_WINDING_UP';
  @ApiPropertyOptional() @Absent() @Text(20_000, false) assets?: string;
  @ApiPropertyOptional() @Absent() @Text(20_000, false) staff?: string;
  @ApiPropertyOptional() @Absent() @Text(20_000, false) data?: string;
  @ApiPropertyOptional() @Absent() @Text(20_000, false) openObligations?: string;
}

/**
 * The body classes by event type. Deliberately not typed as a complete Record of the domain's
 * event types: when the domain learns an event, `event.dto.spec.ts` fails and names it, instead
 * of the build breaking for whoever extends the domain.
 */
export const EVENT_DTOS: { readonly [T in LifecycleEventType]?: ClassType<{ type: T }> } = {
  INVITE_PARTNER: InvitePartnerEvent,
  ACCEPT_INVITATION: AcceptInvitationEvent,
  DECLINE_INVITATION: DeclineInvitationEvent,
  WITHDRAW_INVITATION: WithdrawInvitationEvent,
  LEAVE_PARTNER_SEARCH: LeavePartnerSearchEvent,
  APPOINT_CONTACT: AppointContactEvent,
  START_LETTER_OF_INTENT: StartLetterOfIntentEvent,
  DRAFT_LOI: DraftLoiEvent,
  SIGN_LOI: SignLoiEvent,
  ADOPT_LOI: AdoptLoiEvent,
  DEFINE_STEERING_BODY: DefineSteeringBodyEvent,
  DEFINE_REPORTING_DUTIES: DefineReportingDutiesEvent,
  START_CONTRACT: StartContractEvent,
  DRAFT_CONTRACT: DraftContractEvent,
  RECORD_COUNCIL_RESOLUTION: RecordCouncilResolutionEvent,
  RECORD_SUPERVISORY_STEP: RecordSupervisoryStepEvent,
  SIGN_CONTRACT: SignContractEvent,
  PUT_INTO_FORCE: PutIntoForceEvent,
  ABANDON: AbandonEvent,
  SUBMIT_REPORT: SubmitReportEvent,
  ACKNOWLEDGE_REPORT: AcknowledgeReportEvent,
  RAISE_CONFLICT: RaiseConflictEvent,
  RESOLVE_CASE: ResolveCaseEvent,
  ESCALATE_CASE: EscalateCaseEvent,
  DECLARE_CASE_FAILED: DeclareCaseFailedEvent,
  REQUEST_EXIT: RequestExitEvent,
  WITHDRAW_EXIT_REQUEST: WithdrawExitRequestEvent,
  PROPOSE_DISSOLUTION: ProposeDissolutionEvent,
  RECORD_DISSOLUTION_RESOLUTION: RecordDissolutionResolutionEvent,
  RECORD_WINDING_UP: RecordWindingUpEvent,
  // The timer events (REPORT_DUE, REPORT_GRACE_EXPIRED, CASE_DEADLINE_PASSED, NOTICE_PERIOD_ENDED)
  // have no body class on purpose: only the scheduler sends them, so over HTTP they are a 400.
};

export const API_EVENT_TYPES = Object.keys(EVENT_DTOS) as LifecycleEventType[];

/** At most this many evidence documents per event. */
export const MAX_EVENT_DOCUMENTS = 20;

/*
 * Every event may reference evidence documents of its cooperation (signed LoI, council
 * resolution, contract, approval notice …) by id: `documents`. The adapter checks that each is a
 * document of this cooperation (422 unknown-document) and records `{id, sha256}` of each in the
 * history entry, so the hash chain commits to the evidence. The domain never sees the field.
 */
for (const dto of Object.values(EVENT_DTOS))
  for (const decorate of [
    ApiPropertyOptional({
      type: [String],
      format: 'uuid',
      maxItems: MAX_EVENT_DOCUMENTS,
      description: 'Ids of evidence documents of this cooperation (POST …/documents); their hashes enter the history',
    }),
    Absent(),
    IsArray(),
    ArrayMaxSize(MAX_EVENT_DOCUMENTS),
    ArrayUnique(),
    IsUUID('all', { each: true }),
  ])
    decorate(dto.prototype as object, 'documents');
