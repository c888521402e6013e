import Link from 'next/link'

export default function NotFound() {
  return (
    <div className="rounded-lg border border-slate-200 bg-white px-5 py-4">
      <h1 className="text-lg font-semibold">Not found</h1>
      <p className="mt-2 text-slate-700">
        There is nothing at this address. The <Link href="/provers">provers leaderboard</Link> lists every
        staker.
      </p>
    </div>
  )
}
