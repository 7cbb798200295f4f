import type { Approval, Operator, OperatorRecord } from '../../../../shared/operators'

export type Role = Operator['role']
/** The call that makes a change once a shift lead approved it; it answers with what to tell. */
export type Change = (approval: Approval) => Promise<string>
/** Asks a shift lead to approve `action`, then makes the change. */
export type AskChange = (action: string, change: Change) => void
/** The dialog open over the Operators table. */
export type Form = { kind: 'add' } | { kind: 'edit'; operator: OperatorRecord } | { kind: 'pin'; operator: OperatorRecord }
/** What every operator dialog gets: hidden while the shift lead approves (it keeps what was typed). */
export type FormProps = { hidden: boolean; onCancel: () => void; onSave: AskChange }
