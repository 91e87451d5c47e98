/** Words of the administrator's users screen (the role names themselves come from @nianbao/schema). */
export const usersWords = {
  open: { zh: '用户管理', en: 'Users' },
  title: { zh: '用户管理', en: 'Users' },
  hint: {
    zh: '本机关及所属下级机关的账号：添加账号、调整角色、重置密码，或解除因多次输错密码而放慢的登录。',
    en: 'The accounts of your body and the bodies below it: add one, change a role, reset a password, or clear the failed sign-ins that slow an account down.',
  },
  add: { zh: '添加用户', en: 'Add a user' },
  login: { zh: '用户名', en: 'Login' },
  loginHint: {
    zh: '2–64 个字母、数字、点、连字符或下划线，如 wangmin',
    en: '2–64 letters, digits, dots, dashes or underscores, e.g. wangmin',
  },
  displayName: { zh: '姓名', en: 'Name' },
  body: { zh: '所在机关', en: 'Body' },
  role: { zh: '角色', en: 'Role' },
  roleOf: { zh: '{name}的角色', en: 'Role of {name}' },
  roleHint: {
    zh: '填报人填写本机关报告；审核人审核本机关及下级机关的报告；管理员还管理账号。',
    en: 'A filler fills in the report of the body; a reviewer reviews those of the body and the bodies below; an administrator also manages accounts.',
  },
  actions: { zh: '操作', en: 'Actions' },
  addDone: { zh: '已添加用户 {login}（{name}）。', en: 'User {login} ({name}) added.' },
  passwordFor: { zh: '{login} 的初始密码', en: 'Initial password of {login}' },
  newPasswordFor: { zh: '{login} 的新密码', en: 'New password of {login}' },
  shownOnce: {
    zh: '此密码只显示这一次，系统不保存明文：请现在复制并交给本人。离开本页后无法再查看，只能重新重置。',
    en: 'This password is shown only once and is not stored in readable form: copy it now and give it to the person. Once you leave, it cannot be shown again, only reset.',
  },
  copy: { zh: '复制密码', en: 'Copy password' },
  copied: { zh: '已复制', en: 'Copied' },
  copyFailed: {
    zh: '浏览器不允许复制，请选中密码后手动复制',
    en: 'The browser refused to copy; select the password and copy it by hand',
  },
  dismiss: { zh: '已交给本人，关闭', en: 'Handed over, close' },
  reset: { zh: '重置密码', en: 'Reset password' },
  resetTitle: { zh: '重置 {login}（{name}）的密码？', en: 'Reset the password of {login} ({name})?' },
  resetText: {
    zh: '将生成一个新密码（只显示一次），旧密码随即失效，该用户在所有设备上退出登录。',
    en: 'A new password is generated (shown only once); the old one stops working and the user is signed out everywhere.',
  },
  unlock: { zh: '解除登录限制', en: 'Clear failed sign-ins' },
  unlocked: {
    zh: '已清除 {n} 次失败登录，{login} 可以立即登录。',
    en: '{n} failed {n|sign-in|sign-ins} cleared: {login} can sign in at once.',
  },
  nothingToUnlock: {
    zh: '{login} 没有失败登录记录，无需解除。',
    en: '{login} has no failed sign-ins to clear.',
  },
  failures: { zh: '{n} 次登录失败', en: '{n} failed {n|sign-in|sign-ins}' },
  roleChanged: { zh: '已将 {login} 的角色改为{role}。', en: '{login} is now a {role}.' },
  you: { zh: '（本人）', en: ' (you)' },
  search: { zh: '按用户名、姓名或机关查找', en: 'Find by login, name or body' },
  total: { zh: '共 {n} 个用户', en: '{n} {n|user|users}' },
  none: { zh: '没有符合条件的用户。', en: 'No user matches.' },
};
