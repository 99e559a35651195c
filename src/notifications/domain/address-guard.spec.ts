import { isNonPublicAddress, webhookUrlProblem } from './address-guard';

describe('the SSRF guard', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '::1',
    'fd00::1',
    'fe80::1',
    '::ffff:127.0.0.1',
    'not-an-ip',
  ])('refuses %s', (address) => expect(isNonPublicAddress(address)).toBe(true));

  it.each(['93.184.216.34', '2a00:1450:4001:80b::200e', '::ffff:93.184.216.34'])('allows %s', (address) =>
    expect(isNonPublicAddress(address)).toBe(false),
  );

  it('takes only http(s) URLs without credentials', () => {
    expect(webhookUrlProblem('https://dms.heek.de/hook')).toBeNull();
    expect(webhookUrlProblem('http://dms.heek.de/hook')).toBeNull();
    expect(webhookUrlProblem('ftp://dms.heek.de/hook')).toBe('scheme');
    expect(webhookUrlProblem('file:///etc/passwd')).toBe('scheme');
    expect(webhookUrlProblem('https://user:pw@dms.heek.de/')).toBe('credentials');
    expect(webhookUrlProblem('nonsense')).toBe('notAUrl');
  });
});
