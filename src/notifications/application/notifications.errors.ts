import { ApplicationError } from '../../common/errors';
import { problem, type Text } from '../../common/i18n';

export class SubscriptionNotFound extends ApplicationError {
  readonly category = 'not-found';
  readonly code = 'webhook-subscription-not-found';
  constructor(id: string) {
    super(problem('webhook-subscription-not-found', { id }));
  }
}

export class DeliveryNotFound extends ApplicationError {
  readonly category = 'not-found';
  readonly code = 'notification-delivery-not-found';
  constructor(id: string) {
    super(problem('notification-delivery-not-found', { id }));
  }
}

export class NotificationAddressNotFound extends ApplicationError {
  readonly category = 'not-found';
  readonly code = 'notification-address-not-found';
  constructor(id: string) {
    super(problem('notification-address-not-found', { id }));
  }
}

/** A caller acting for another municipality than its own. */
export class NotYourMunicipality extends ApplicationError {
  readonly category = 'forbidden';
  readonly code = 'forbidden';
  constructor(ags: string) {
    super(problem('not-your-municipality', { ags }));
  }
}

/** A webhook URL that is not http(s), carries credentials, or (in production) reaches a non-public address. */
export class WebhookTargetRefused extends ApplicationError {
  readonly category = 'unprocessable';
  readonly code = 'webhook-target-refused';
  constructor(reason: Text) {
    super(problem('webhook-target-refused', { reason }));
  }
}
