import type { Metadata } from 'next';
import { preload } from 'react-dom';
import { EditorApp } from '@/components/editor/EditorApp';

export const metadata: Metadata = { title: 'pgcanvas editor' };

/**
 * The editor for one project; data comes from the authenticated API, so nothing is rendered on the server.
 * The page's <head> asks for the project at once (a fetch preload): it loads while the scripts download
 * and hydrate, and EditorApp's fetch of the same URL takes that response instead of starting then.
 */
export default async function ProjectPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  preload(projectUrl(id), { as: 'fetch', crossOrigin: 'anonymous' });
  return <EditorApp projectId={id} />;
}

function projectUrl(id: string): string {
  return `/api/projects/${encodeURIComponent(id)}`;
}
