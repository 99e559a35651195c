import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createTransport, type Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import type { Environment } from '../../../config/configuration';
import type { RenderedMail } from '../../domain/texts';

/** Sends notification e-mails over SMTP (`SMTP_URL`, `MAIL_FROM`) with nodemailer. */
@Injectable()
export class EmailSender implements OnApplicationShutdown {
  private transport: Transporter | undefined;

  constructor(private readonly config: ConfigService<Environment, true>) {}

  /** E-mail is sent only when an SMTP server is configured. */
  get enabled(): boolean {
    return Boolean(this.config.get('SMTP_URL', { infer: true }));
  }

  /** Throws when the server refuses or does not answer; the event id lets recipients' systems spot a repeat. */
  async send(to: string, mail: RenderedMail, eventId: string): Promise<string> {
    const info = (await this.transporter().sendMail({
      from: this.config.get('MAIL_FROM', { infer: true }),
      to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      headers: { 'X-IKZ-Event-Id': eventId },
    })) as { response?: string };
    return info.response ?? 'accepted';
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }

  private transporter(): Transporter {
    if (!this.transport) {
      const timeout = this.config.get('NOTIFY_TIMEOUT_MS', { infer: true });
      // The URL's settings, with time limits where it sets none.
      const options = {
        url: this.config.get('SMTP_URL', { infer: true })!,
        connectionTimeout: timeout,
        greetingTimeout: timeout,
        socketTimeout: timeout,
      } as SMTPTransport.Options;
      this.transport = createTransport(options);
    }
    return this.transport;
  }
}
