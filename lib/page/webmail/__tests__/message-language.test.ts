import { describe, expect, it } from 'vitest';
import { messageLanguage } from '../message-language';
import { mailMessage } from '../thread-read';

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

describe('messageLanguage: the whole conversation, the user’s languages as tiebreak', () => {
  it('judges short messages together, and says nothing rather than guess between lookalikes', () => {
    const spanish = [
      'Hola Jonas, ¿qué tal?',
      'Muy bien, gracias. ¿Y tú?',
      'Todo bien. Nos vemos el lunes en la oficina.',
    ];
    expect(messageLanguage(spanish.map((text) => mailMessage('A', text)))).toBe('es');
    // Too short to tell German from Portuguese or French by trigrams: no answer (the browser language decides later).
    const terse = ['Hallo Jonas!', 'Danke, das passt gut.', 'Bis Montag im Büro.', 'Alles klar, bis dann!'];
    expect(messageLanguage(terse.map((text) => mailMessage('A', text)))).toBeUndefined();
  });

  it('breaks a near-tie with the browser languages, and only a near-tie', () => {
    const scandinavian = [mailMessage('Ola', 'Hei, takk for beskjeden. Vi ses i morgen på møtet klokka ti.')];
    expect(messageLanguage(scandinavian)).toBeUndefined();
    expect(messageLanguage(scandinavian, ['sv-SE', 'en'])).toBe('sv');
    const spanish = [
      mailMessage('Lucía', 'Gracias por la información, la revisamos mañana por la mañana con el equipo.'),
    ];
    expect(messageLanguage(spanish, ['pt-BR'])).toBe('es');
  });
});
