export function Brand() {
  return (
    <a className="brand" href="/" aria-label="QBank home">
      <img src="/favicon.svg" alt="" width={28} height={28} />
      <span>QBank</span>
    </a>
  );
}
