import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../../auth/access-policy.decorator';
import { CurrentPrincipal } from '../../auth/current-principal.decorator';
import type { Principal } from '../../auth/principal';
import { ParseAgsPipe } from '../../common/ags.pipe';
import type { Page } from '../../common/pagination';
import { ParseUuidPipe } from '../../common/uuid.pipe';
import type { NotificationAddressRecord } from '../../personal-data';
import { DeliveriesQuery } from '../application/deliveries.query';
import { NotificationAddressesUseCase } from '../application/notification-addresses.use-case';
import { RedeliverUseCase } from '../application/redeliver.use-case';
import { type SubscriptionView, WebhookSubscriptionsUseCase } from '../application/webhook-subscriptions.use-case';
import type { Attempt } from '../infrastructure/attempt.repository';
import type { Delivery } from '../infrastructure/delivery.repository';
import {
  AddressDto,
  CreateSubscriptionDto,
  DeliveryDto,
  DeliveryListQueryDto,
  RegisterAddressDto,
  SubscriptionDto,
} from './notifications.dto';

const subscriptionDto = (s: SubscriptionView): SubscriptionDto => ({ ...s, createdAt: s.createdAt.toISOString() });

const addressDto = (a: NotificationAddressRecord): AddressDto => ({
  id: a.id,
  municipality: a.municipality,
  email: a.fields.email,
  role: a.fields.role,
  ...(a.fields.name !== undefined ? { name: a.fields.name } : {}),
  createdAt: a.createdAt.toISOString(),
});

const attemptDto = (a: Attempt) => ({ ...a, at: a.at.toISOString() });

const deliveryDto = (d: Delivery & { attemptLog?: Attempt[] }): DeliveryDto => ({
  id: d.id,
  eventId: d.eventId,
  cooperationId: d.cooperationId,
  channel: d.channel,
  target: d.target,
  municipality: d.municipality,
  role: d.role,
  subject: d.message?.subject ?? null,
  status: d.status,
  attempts: d.attempts,
  nextAttemptAt: d.nextAttemptAt.toISOString(),
  lastError: d.lastError,
  redeliveryOf: d.redeliveryOf,
  createdAt: d.createdAt.toISOString(),
  deliveredAt: d.deliveredAt?.toISOString() ?? null,
  ...(d.attemptLog ? { attemptLog: d.attemptLog.map(attemptDto) } : {}),
});

@ApiTags('notifications')
@Controller('webhook-subscriptions')
export class WebhookSubscriptionsController {
  constructor(private readonly subscriptions: WebhookSubscriptionsUseCase) {}

  @Post()
  @Roles('coordinator', 'admin')
  @ApiOperation({ summary: 'Subscribe a URL to the CloudEvents of a municipality’s cooperations (or, admins, of all)' })
  @ApiCreatedResponse({ type: SubscriptionDto })
  async create(
    @Body() body: CreateSubscriptionDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SubscriptionDto> {
    return subscriptionDto(await this.subscriptions.create(principal, body));
  }

  @Get()
  @Roles('coordinator', 'admin')
  @ApiOperation({ summary: 'The own municipality’s subscriptions (admins: every one)' })
  @ApiOkResponse({ type: [SubscriptionDto] })
  async list(@CurrentPrincipal() principal: Principal): Promise<{ items: SubscriptionDto[] }> {
    return { items: (await this.subscriptions.list(principal)).map(subscriptionDto) };
  }

  @Delete(':id')
  @Roles('coordinator', 'admin')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted; pending deliveries to it are parked' })
  delete(@Param('id', ParseUuidPipe) id: string, @CurrentPrincipal() principal: Principal): Promise<void> {
    return this.subscriptions.delete(principal, id);
  }
}

@ApiTags('notifications')
@Controller('municipalities/:ags/notification-addresses')
export class NotificationAddressesController {
  constructor(private readonly addresses: NotificationAddressesUseCase) {}

  @Post()
  @Roles('coordinator', 'admin')
  @ApiOperation({ summary: 'Register an e-mail address for the notifications to one of the municipality’s roles' })
  @ApiCreatedResponse({ type: AddressDto })
  async register(
    @Param('ags', ParseAgsPipe) ags: string,
    @Body() body: RegisterAddressDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AddressDto> {
    return addressDto(await this.addresses.register(principal, ags, body));
  }

  @Get()
  @Roles('coordinator', 'admin')
  @ApiOkResponse({ type: [AddressDto] })
  async list(
    @Param('ags', ParseAgsPipe) ags: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<{ items: AddressDto[] }> {
    return { items: (await this.addresses.list(principal, ags)).map(addressDto) };
  }

  @Delete(':id')
  @Roles('coordinator', 'admin')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Erased (personal data tombstone)' })
  remove(
    @Param('ags', ParseAgsPipe) ags: string,
    @Param('id', ParseUuidPipe) id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<void> {
    return this.addresses.remove(principal, ags, id);
  }
}

@ApiTags('notifications')
@Controller('notification-deliveries')
export class DeliveriesController {
  constructor(
    private readonly deliveries: DeliveriesQuery,
    private readonly redeliverOne: RedeliverUseCase,
  ) {}

  @Get()
  @Roles('coordinator', 'steering-board', 'admin')
  @ApiOperation({
    summary: 'The delivery log: the own municipality’s e-mails and webhooks (admins: every delivery), newest first',
  })
  @ApiOkResponse({ type: [DeliveryDto] })
  async list(@Query() q: DeliveryListQueryDto, @CurrentPrincipal() principal: Principal): Promise<Page<DeliveryDto>> {
    const page = await this.deliveries.list(principal, q);
    return { items: page.items.map(deliveryDto), next: page.next };
  }

  @Get(':id')
  @Roles('coordinator', 'steering-board', 'admin')
  @ApiOperation({ summary: 'One delivery with every attempt' })
  @ApiOkResponse({ type: DeliveryDto })
  async get(@Param('id', ParseUuidPipe) id: string, @CurrentPrincipal() principal: Principal): Promise<DeliveryDto> {
    return deliveryDto(await this.deliveries.get(principal, id));
  }

  @Post(':id/redeliver')
  @Roles('coordinator', 'admin')
  @HttpCode(202)
  @ApiOperation({ summary: 'Deliver again: a new delivery naming the original, with the same event id' })
  @ApiAcceptedResponse({ type: DeliveryDto })
  async redeliver(
    @Param('id', ParseUuidPipe) id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<DeliveryDto> {
    return deliveryDto(await this.redeliverOne.execute(principal, id));
  }
}
