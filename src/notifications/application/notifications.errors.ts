import { ApplicationError } from '../../common/errors';

export class SubscriptionNotFound extends ApplicationError {
  readonly category = 'not-found';
  readonly code = 'webhook-subscription-not-found';
  readonly title = 'Not Found';
  constructor(id: string) {
    super(`No webhook subscription ${id}.`);
  }
}

export class DeliveryNotFound extends ApplicationError {
  readonly category = 'not-found';
  readonly code = 'notification-delivery-not-found';
  readonly title = 'Not Found';
  constructor(id: string) {
    super(`No notification delivery ${id}.`);
  }
}

export class NotificationAddressNotFound extends ApplicationError {
  readonly category = 'not-found';
  readonly code = 'notification-address-not-found';
  readonly title = 'Not Found';
  constructor(id: string) {
    super(`No notification address ${id}.`);
  }
}

/** A caller acting for another municipality than its own. */
export class NotYourMunicipality extends ApplicationError {
  readonly category = 'forbidden';
  readonly code = 'forbidden';
  readonly title = 'Forbidden';
  constructor(ags: string) {
    super({
      de: `Nur für die eigene Kommune (hier: ${ags}) oder für Administratorinnen und Administratoren.`,
      en: `Only for one's own municipality (here: ${ags}) or for admins.`,
    });
  }
}

/** A webhook URL that is not http(s), carries credentials, or (in production) reaches a non-public address. */
export class WebhookTargetRefused extends ApplicationError {
  readonly category = 'unprocessable';
  readonly code = 'webhook-target-refused';
  readonly title = 'Webhook target refused';
  constructor(reason: string) {
    super({
      de: `Dieses Webhook-Ziel ist nicht erlaubt: ${reason}.`,
      en: `This webhook target is not allowed: ${reason}.`,
    });
  }
}
