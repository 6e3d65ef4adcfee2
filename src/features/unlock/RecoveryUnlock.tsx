import type { FormEvent } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { Screen } from '../../ui/Screen.tsx';
import { BackButton } from '../shell/BackButton.tsx';
import { markAfterRecovery } from '../session/after-recovery.ts';
import { useSession } from '../session/session-context.ts';
import { useAction } from '../shell/useAction.ts';

/** Opens the vault with the printed recovery code; the shell then asks for a new PIN. */
export function RecoveryUnlock({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation(['unlock', 'common', 'errors']);
  const session = useSession();
  const [code, setCode] = useState('');
  const { busy, failure, run } = useAction();

  async function submit(e: FormEvent) {
    e.preventDefault();
    await run(async () => {
      await session.store.unlockWithRecovery(code);
      // The next screen asks for a new PIN, and keeps asking until one is saved.
      markAfterRecovery();
      await session.opened();
    });
  }

  return (
    <Screen title={t('recovery.title')} start={<BackButton onClick={onCancel} />}>
      <p className="lead">{t('recovery.intro')}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Field label={t('recovery.label')}>
          {(a11y) => (
            <input
              {...a11y}
              name="recovery-code"
              dir="ltr"
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              value={code}
              onChange={(e) => setCode(e.target.value)}
            />
          )}
        </Field>
        {failure && <Notice tone="error">{failure}</Notice>}
        <Button type="submit" icon="lock" disabled={busy || !code.trim()}>
          {busy ? t('opening') : t('open')}
        </Button>
      </form>
    </Screen>
  );
}
