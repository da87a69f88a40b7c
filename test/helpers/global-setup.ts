// Runs once before the suite: nothing yet (the harness helper fills this in).
export default function setup(): void {}
