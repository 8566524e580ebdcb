import { describe, it, expect } from 'vitest'
import {
	DEFAULT_DEPARTMENTS,
	DEPARTMENT_COLOURS,
	MAX_DEPARTMENT_NAME_LENGTH,
	UNKNOWN_DEPARTMENT_COLOUR,
	checkDepartmentName,
	departmentColour,
	normaliseDepartment,
	uniqueDepartments,
} from '../../shared/model/departments'

describe('checkDepartmentName', () => {
	it.each(['', '   ', '\t\n', ' \u00a0 '])('refuses the empty or whitespace-only name %j', (raw) => {
		expect(checkDepartmentName(raw)).toEqual({ ok: false, problem: 'empty' })
	})

	it('refuses a name of 41 characters and accepts one of 40', () => {
		expect(MAX_DEPARTMENT_NAME_LENGTH).toBe(40)
		expect(checkDepartmentName('a'.repeat(41))).toEqual({ ok: false, problem: 'too-long' })
		expect(checkDepartmentName('a'.repeat(40))).toEqual({ ok: true, name: 'a'.repeat(40) })
	})

	it('trims the name and collapses inner whitespace to single spaces', () => {
		expect(checkDepartmentName('  Legal   and\t\nCompliance  ')).toEqual({ ok: true, name: 'Legal and Compliance' })
	})

	it('measures the length after trimming and collapsing', () => {
		expect(checkDepartmentName(`  ${'a'.repeat(40)}  `)).toEqual({ ok: true, name: 'a'.repeat(40) })
		expect(checkDepartmentName(`a${' '.repeat(50)}b`)).toEqual({ ok: true, name: 'a b' })
	})
})

describe('departmentColour', () => {
	const twelve = Array.from({ length: 12 }, (_, i) => `Department ${i + 1}`)

	it('is stable for the same inputs', () => {
		for (const name of [...DEFAULT_DEPARTMENTS, 'Legal', 'Not listed']) {
			expect(departmentColour(DEFAULT_DEPARTMENTS, name)).toBe(departmentColour([...DEFAULT_DEPARTMENTS], name))
		}
	})

	it('gives the first twelve departments of a list twelve different colours, none of them white', () => {
		const colours = twelve.map((name) => departmentColour(twelve, name))
		expect(new Set(colours).size).toBe(12)
		expect(colours).not.toContain('white')
		for (const colour of colours) expect(DEPARTMENT_COLOURS).toContain(colour)
	})

	it('gives the default departments their colours in list order', () => {
		expect(DEFAULT_DEPARTMENTS.map((name) => departmentColour(DEFAULT_DEPARTMENTS, name))).toEqual(DEPARTMENT_COLOURS.slice(0, DEFAULT_DEPARTMENTS.length))
	})

	it('gives a note without a department white', () => {
		expect(departmentColour(DEFAULT_DEPARTMENTS, null)).toBe('white')
		expect(UNKNOWN_DEPARTMENT_COLOUR).toBe('white')
	})

	it('gives a name not in the list a deterministic, non-white colour that does not depend on the list', () => {
		for (const name of ['Legal', 'Facilitair', 'R&D', 'x']) {
			const colour = departmentColour(DEFAULT_DEPARTMENTS, name)
			expect(DEPARTMENT_COLOURS).toContain(colour)
			expect(departmentColour(DEFAULT_DEPARTMENTS, name)).toBe(colour)
			expect(departmentColour(twelve, name)).toBe(colour)
			expect(departmentColour([], name)).toBe(colour)
			expect(departmentColour([], `  ${name.toUpperCase()} `)).toBe(colour)
		}
	})

	it('matches names case- and space-insensitively', () => {
		const list = ['Sales', 'Marketing', 'Klanten service']
		expect(departmentColour(list, '  marketing ')).toBe(departmentColour(list, 'Marketing'))
		expect(departmentColour(list, '  marketing ')).toBe(DEPARTMENT_COLOURS[1])
		expect(departmentColour(list, 'KLANTEN   SERVICE')).toBe(DEPARTMENT_COLOURS[2])
	})
})

describe('normaliseDepartment', () => {
	it('trims, collapses whitespace and lower-cases', () => {
		expect(normaliseDepartment('  Directie/Management ')).toBe('directie/management')
		expect(normaliseDepartment('Klanten \t Service')).toBe('klanten service')
		expect(normaliseDepartment('FINANCIËN')).toBe('financiën')
	})
})

describe('uniqueDepartments', () => {
	it('drops later duplicates, keeping the first spelling and order', () => {
		expect(uniqueDepartments(['Marketing', 'IT', ' marketing', 'it ', 'HR', 'MARKETING'])).toEqual(['Marketing', 'IT', 'HR'])
	})

	it('drops blank names', () => {
		expect(uniqueDepartments(['', '  ', 'Sales', '\t'])).toEqual(['Sales'])
	})

	it('leaves a list without duplicates unchanged', () => {
		expect(uniqueDepartments(DEFAULT_DEPARTMENTS)).toEqual([...DEFAULT_DEPARTMENTS])
	})
})
