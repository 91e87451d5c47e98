import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { t, useLang } from './i18n.ts';
import { errorMessage, useTRPC } from './trpc.ts';

export function Login() {
  const { lang, say } = useLang();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const id = useId();
  const mutation = useMutation(
    trpc.auth.login.mutationOptions({
      onSuccess: (me) => queryClient.setQueryData(trpc.auth.me.queryKey(), me),
    }),
  );
  return (
    <form
      className="login card"
      onSubmit={(e) => {
        e.preventDefault();
        mutation.mutate({ login, password });
      }}
    >
      <h1>{say(t.loginTitle)}</h1>
      <label htmlFor={`${id}-login`}>{say(t.user)}</label>
      <input
        id={`${id}-login`}
        name="login"
        autoComplete="username"
        value={login}
        onChange={(e) => setLogin(e.target.value)}
        required
      />
      <label htmlFor={`${id}-password`}>{say(t.password)}</label>
      <input
        id={`${id}-password`}
        name="password"
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        required
      />
      {mutation.error && (
        <p className="form-error" role="alert">
          {errorMessage(mutation.error, lang)}
        </p>
      )}
      <button type="submit" className="btn btn-primary" disabled={mutation.isPending}>
        {say(t.login)}
      </button>
    </form>
  );
}
