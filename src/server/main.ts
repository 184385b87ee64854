/**
 * npm start — the service with its embedded defaults: port 3978, state and transcripts in ./data/bot.db,
 * the shipped knowledge. Configuration comes from environment variables (see README).
 */
import { ConfigError, loadConfig } from '../config.js';
import { createApp } from './app.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  const app = createApp(config);

  // Handlers first: a signal that arrives while starting up still stops the service cleanly.
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    app.logger.info(`Nhận ${signal}, đang dừng…`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    app
      .close()
      .then(() => {
        app.logger.info('Đã dừng.');
        process.exit(0);
      })
      .catch((err: unknown) => {
        app.logger.error(`Lỗi khi dừng: ${(err as Error).message}`);
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));

  const port = await app.listen();
  app.logger.info(`Trợ lý thủ tục hành chính đang chạy tại http://localhost:${port} (Bot Framework: POST /api/messages)`);
}

void main();
