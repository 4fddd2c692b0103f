import type { Metadata } from 'next';
import { EditorApp } from '@/components/editor/EditorApp';

export const metadata: Metadata = { title: 'pgcanvas editor' };

/** The editor for one project; data comes from the authenticated API, so nothing is rendered on the server. */
export default async function ProjectPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <EditorApp projectId={id} />;
}
