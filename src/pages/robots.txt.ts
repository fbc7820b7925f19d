import type { APIRoute } from 'astro';
import site from 'virtual:aocl/site-config';
import { robotsTxt } from '../lib/robots-txt.ts';

export const GET: APIRoute = () =>
  new Response(robotsTxt(site.baseUrl), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
