import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { text, translate } from '../../../common/i18n';
import type { Environment } from '../../../config/configuration';
import { isNonPublicAddress, webhookUrlProblem } from '../../domain/address-guard';
import type { CloudEvent } from '../../domain/cloud-event';

/** Headers of a Standard Webhooks delivery. */
export interface SignedHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

/** A refused webhook target (SSRF guard); not worth retrying soon, but retried like any failure. */
export class ForbiddenTarget extends Error {}

/**
 * Signs a CloudEvent per Standard Webhooks (`webhook-id` = the event id, the same on every retry
 * and redelivery; `webhook-signature` = `v1,` + base64 HMAC-SHA256 over `id.timestamp.body` with
 * the subscription's secret) and POSTs it. In production the target must resolve to public
 * addresses only (unless WEBHOOK_ALLOW_PRIVATE_NETWORKS): the check runs in the connection's own
 * DNS lookup, so the address checked is the address connected to.
 */
@Injectable()
export class WebhookSender {
  constructor(private readonly config: ConfigService<Environment, true>) {}

  /** Are private targets refused (production without the allowance)? */
  get guarded(): boolean {
    return (
      this.config.get('NODE_ENV', { infer: true }) === 'production' &&
      !this.config.get('WEBHOOK_ALLOW_PRIVATE_NETWORKS', { infer: true })
    );
  }

  sign(secret: string, event: CloudEvent, body: string, at: Date): SignedHeaders {
    return {
      'webhook-id': event.id,
      'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
      'webhook-signature': new Webhook(secret).sign(event.id, at, body),
    };
  }

  /**
   * Resolves to the status line; throws on a refused target, a network error, a timeout or a
   * non-2xx answer. The signature's timestamp is the wall clock's, not the injected Clock's: the
   * receiver compares it with its own clock for the replay window.
   */
  async send(url: string, secret: string, event: CloudEvent, at: Date = new Date()): Promise<string> {
    const problem = webhookUrlProblem(url);
    if (problem) throw new ForbiddenTarget(translate('en', text(`webhookTargets.${problem}`)));
    const target = new URL(url);
    const host = target.hostname.replace(/^\[|\]$/g, '');
    if (this.guarded && isIP(host) !== 0 && isNonPublicAddress(host)) {
      throw new ForbiddenTarget(`${host} is not a public address`);
    }
    const body = JSON.stringify(event);
    const headers = {
      ...this.sign(secret, event, body, at),
      'content-type': 'application/cloudevents+json; charset=utf-8',
      'content-length': String(Buffer.byteLength(body)),
      'user-agent': 'ikz-lifecycle-engine',
    };
    const timeout = this.config.get('NOTIFY_TIMEOUT_MS', { infer: true });
    const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise<string>((resolve, reject) => {
      const req = request(
        target,
        { method: 'POST', headers, timeout, ...(this.guarded ? { lookup: guardedLookup } : {}) },
        (res) => {
          res.resume();
          res.on('end', () => {
            const status = `${res.statusCode} ${res.statusMessage ?? ''}`.trim();
            if ((res.statusCode ?? 0) >= 200 && (res.statusCode ?? 0) < 300) resolve(status);
            else reject(new Error(`answered ${status}`));
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error(`no answer within ${timeout} ms`)));
      req.on('error', reject);
      req.end(body);
    });
  }
}

/** DNS lookup that fails when any address of the name is not public (no rebinding between check and connect). */
const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, '', 0);
    const refused = addresses.find((a) => isNonPublicAddress(a.address));
    if (refused) return callback(new ForbiddenTarget(`${hostname} resolves to ${refused.address}`), '', 0);
    if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
    callback(null, addresses[0].address, addresses[0].family);
  });
};
