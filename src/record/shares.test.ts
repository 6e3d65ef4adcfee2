import { describe, expect, it } from 'vitest';
import type { PaperDocument } from './documents.ts';
import { declarationItem, defaultDeclarations, defaultDocuments } from './shares.ts';

const paper = (id: string, type: PaperDocument['type'], sensitive = false): PaperDocument => ({
  id,
  profileId: 'p',
  title: id,
  type,
  files: [{ fileId: 'f', mime: 'application/pdf', size: 1 }],
  entryIds: [],
  sensitive,
  provenance: 'paper',
  createdAt: 0,
  updatedAt: 0,
});

describe('what a share picks before the patient changes anything', () => {
  const papers = [
    paper('lab', 'lab-result'),
    paper('letter', 'hospital-letter'),
    paper('certificate', 'certificate', true),
    paper('ame', 'insurance-rights'),
    paper('asylum', 'asylum-papers', true),
    paper('domiciliation', 'domiciliation'),
  ];

  it('gives a doctor the medical papers and a social worker the administrative ones', () => {
    expect(defaultDocuments(papers, 'doctor')).toEqual(['lab', 'letter']);
    expect(defaultDocuments(papers, 'social')).toEqual(['ame', 'domiciliation']);
  });

  it('never picks a sensitive paper, and nothing for a custom share', () => {
    expect(defaultDocuments(papers, 'doctor')).not.toContain('certificate');
    expect(defaultDocuments(papers, 'social')).not.toContain('asylum');
    expect(defaultDocuments(papers, 'custom')).toEqual([]);
  });

  it('picks the patient’s "no known ..." statements for a doctor only', () => {
    expect(defaultDeclarations(['allergy', 'condition'], 'doctor')).toEqual([
      declarationItem('allergy'),
      declarationItem('condition'),
    ]);
    expect(defaultDeclarations(['allergy'], 'social')).toEqual([]);
    expect(defaultDeclarations(['allergy'], 'custom')).toEqual([]);
  });
});
