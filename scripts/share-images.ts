// `npm run share-images`: renders the Open Graph share images (one per section) from
// the SVG template in src/lib/share/images.ts into public/share/, and records the
// template's fingerprint in public/share/images.json. Run it after changing the
// template or the sections, and commit the PNGs. Needs a CJK font (Debian:
// fonts-wqy-microhei); see src/lib/share/images.ts for why this is not done at build.
import { mkdirSync, writeFileSync } from 'node:fs';
import sharp from 'sharp';
import { SHARE_SECTIONS, shareImageSvg, shareTemplateHash } from '../src/lib/share/images.ts';

const dir = 'public/share';
mkdirSync(dir, { recursive: true });
for (const s of SHARE_SECTIONS) {
  const file = `${dir}/${s.id}.png`;
  // A palette PNG: flat colours and text compress to a few kilobytes.
  await sharp(Buffer.from(shareImageSvg(s)))
    .png({ compressionLevel: 9, palette: true, colours: 64 })
    .toFile(file);
  console.log(file);
}
writeFileSync(
  `${dir}/images.json`,
  JSON.stringify(
    { template: shareTemplateHash(), sections: SHARE_SECTIONS.map((s) => s.id) },
    null,
    2,
  ) + '\n',
);
