'use client'

import { usePathname } from 'next/navigation'
import { IntentLink } from '@/components/ui/intent-link'

const links = [
  { href: '/', label: 'Overview' },
  { href: '/provers', label: 'Provers' },
  { href: '/stake', label: 'Stake' },
  { href: '/fees', label: 'Fees' },
  { href: '/simulate', label: 'Simulator' },
] as const

function isCurrent(pathname: string, href: string): boolean {
  return href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`)
}

/** The main navigation; the current section is marked for screen readers (aria-current). */
export function NavLinks() {
  const pathname = usePathname() ?? '/'
  return (
    <nav aria-label="Main">
      <ul className="flex flex-wrap gap-1">
        {links.map(({ href, label }) => {
          const current = isCurrent(pathname, href)
          return (
            <li key={href}>
              <IntentLink
                href={href}
                aria-current={current ? 'page' : undefined}
                className={`block rounded-md px-3 py-1.5 text-sm font-medium no-underline hover:no-underline ${
                  current ? 'bg-slate-900 text-white' : 'text-slate-800 hover:bg-slate-100'
                }`}
              >
                {label}
              </IntentLink>
            </li>
          )
        })}
      </ul>
    </nav>
  )
}
