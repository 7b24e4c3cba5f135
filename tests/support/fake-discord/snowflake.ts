// Discord ids encode a creation time; discord.js derives `createdAt` from them, so fake ids
// carry a real timestamp. The counter keeps them strictly increasing even within one millisecond,
// which lets tests sort by id the way they would with real Discord data.
const DISCORD_EPOCH = 1_420_070_400_000n;

export class SnowflakeSource {
  #last = 0n;

  next(): string {
    const fromClock = (BigInt(Date.now()) - DISCORD_EPOCH) << 22n;
    this.#last = fromClock > this.#last ? fromClock : this.#last + 1n;
    return this.#last.toString();
  }
}
