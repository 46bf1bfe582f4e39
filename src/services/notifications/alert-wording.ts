import type { AlertSubscription } from '../../db/repositories/notifications/subscriptions.ts'
import type { EmailContent } from '../../domain/email.ts'

/** The footer of every alert email: why it came, and the one-click way to stop it. */
export function alertFooter(
  subscription: Pick<AlertSubscription, 'label' | 'unsubscribe_token'>,
): Pick<EmailContent, 'footer' | 'footerLink'> {
  return {
    footer: [
      `You get this email because you asked for emails about ${subscription.label}.`,
      'Unsubscribing deletes your email address from the register.',
    ],
    footerLink: { text: 'Unsubscribe', path: `/alerts/unsubscribe/${subscription.unsubscribe_token}` },
  }
}
