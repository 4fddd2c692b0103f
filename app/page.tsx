import Link from 'next/link';

export default function Home() {
  return (
    <main className="mx-auto max-w-3xl p-8">
      <h1 className="text-3xl font-semibold">pgcanvas</h1>
      <p className="mt-2 text-slate-600">Design PostgreSQL databases visually; get exact DDL, Drizzle schema and security SQL.</p>
      <p className="mt-6"><Link className="text-blue-700 underline" href="/examples">Examples with their generated SQL</Link></p>
    </main>
  );
}
