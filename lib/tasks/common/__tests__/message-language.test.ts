import { describe, expect, it } from 'vitest';
import { messageLanguage } from '../message-language';
import { mailMessage } from '../../../page/webmail/thread-read';

describe('messageLanguage', () => {
  it('names the language of the message being answered, not of the mail client', () => {
    const german = mailMessage(
      'Anna',
      'Hallo Jonas, vielen Dank für deine Nachricht. Am Dienstag kann ich leider nicht, aber Mittwoch würde gut passen.',
    );
    const english = mailMessage(
      'Jonas',
      'Hi Anna, could we meet on Tuesday afternoon to go through the contract together?',
    );
    expect(messageLanguage([english, german])).toBe('de');
    expect(messageLanguage([german, english])).toBe('en');
    expect(
      messageLanguage([
        mailMessage(
          'Léa',
          'Bonjour Jonas, merci pour ton message. Je serai disponible mardi après-midi pour en parler.',
        ),
      ]),
    ).toBe('fr');
  });

  it('a short last message is judged with the rest of the conversation; too little text gives no answer', () => {
    const spanish = mailMessage(
      'Lucía',
      'Hola Jonas, ¿podemos revisar el contrato el martes por la tarde? Tengo algunas preguntas sobre los plazos.',
    );
    expect(messageLanguage([spanish, mailMessage('Jonas', 'Claro, vale.')])).toBe('es');
    expect(messageLanguage([mailMessage('Jonas', 'Ok, thanks!')])).toBeUndefined();
  });
});
