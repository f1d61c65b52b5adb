/** The Redis the suite runs against: scripts/test-services.sh starts one and sets TEST_REDIS_URL. */
export function testRedisUrl(): string {
  const url = process.env.TEST_REDIS_URL;
  if (!url)
    throw new Error(
      'This test needs a real Redis in TEST_REDIS_URL: run the suite with `npm test`, or set TEST_REDIS_URL=redis://host:port',
    );
  return url;
}
