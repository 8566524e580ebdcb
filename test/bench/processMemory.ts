import { readFileSync } from 'node:fs'

/** A process's resident memory (VmRSS) in MiB, from /proc: no route or hook in the server needed. */
export function rssMegabytes(pid: number): number {
	return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024
}
