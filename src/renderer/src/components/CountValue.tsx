/** A big labelled number ("Scan Count", "Pending Count"): the label names the value for screen readers and tests. */
export function CountValue({ id, label, value }: { id: string; label: string; value: number }) {
  return (
    <>
      <label className="count-label" htmlFor={id}>
        {label}
      </label>
      <output id={id} className="count-value">
        {value}
      </output>
    </>
  )
}
