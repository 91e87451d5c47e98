/** Words of the dialog in which a signed-in user changes their own password. */
export const passwordWords = {
  open: { zh: '修改密码', en: 'Change password' },
  title: { zh: '修改密码', en: 'Change your password' },
  hint: {
    zh: '新密码至少 8 个字符。修改后，您在其他设备或浏览器上的登录将退出。',
    en: 'At least 8 characters. Once it is changed, you are signed out on every other device or browser.',
  },
  currentPassword: { zh: '当前密码', en: 'Current password' },
  newPassword: { zh: '新密码', en: 'New password' },
  again: { zh: '再次输入新密码', en: 'New password again' },
  mismatch: { zh: '两次输入的新密码不一致', en: 'The two new passwords differ' },
  submit: { zh: '确认修改', en: 'Change it' },
  done: {
    zh: '密码已修改。其他设备或浏览器上的登录已退出。',
    en: 'Your password has been changed. You are signed out on every other device or browser.',
  },
  close: { zh: '关闭', en: 'Close' },
} as const;
