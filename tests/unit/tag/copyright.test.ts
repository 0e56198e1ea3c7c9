import { describe, expect, it } from 'vitest';
import { parseCopyrightNotice } from '../../../lambdas/tag/copyright.ts';

describe('parseCopyrightNotice', () => {
  it.each([
    ['Copyright 2023, PatriotWise.com', 'PatriotWise.com', '2023'],
    ['© 2023 Holder. All rights reserved.', 'Holder', '2023'],
    ['(c) 2021 Holder Inc.', 'Holder Inc.', '2021'],
    ['Copyright © 2019-2023 Holder', 'Holder', '2019-2023'],
    ['Copyright © 2019 – 2023 Holder Media', 'Holder Media', '2019-2023'],
    ['© Foo Media 2022', 'Foo Media', '2022'],
    ['©2023 Foo News', 'Foo News', '2023'],
    ['Copyright (C) 2020 by The Foo Company, all rights reserved', 'The Foo Company', '2020'],
    ['Copyright © 2023 Foo, Inc.', 'Foo, Inc.', '2023'],
    ['Copyright 2024 Foo Media Group, LLC. All Rights Reserved.', 'Foo Media Group, LLC', '2024'],
    ['© Copyright 2021 Daily Planet | All rights reserved', 'Daily Planet', '2021'],
    ['All content © 2023 Bar Daily unless otherwise noted.', 'Bar Daily', '2023'],
    ['Copyright 2022 NPR. To see more, visit https://www.npr.org.', 'NPR', '2022'],
    ['Copyright (c) 2003, Mark Pilgrim', 'Mark Pilgrim', '2003'],
    ['Quarry Hill Echo © 2025', 'Quarry Hill Echo', '2025'],
  ])('reads %j', (text, holder, year) => {
    const parsed = parseCopyrightNotice(text);
    expect(parsed?.notice).toBe(text);
    expect(parsed?.holder).toBe(holder);
    expect(parsed?.year).toBe(year);
  });

  it('reads the marker in any case and collapses the whitespace around it', () => {
    const parsed = parseCopyrightNotice('  COPYRIGHT\n\n2023\u00a0 Foo  News ');
    expect(parsed?.notice).toBe('COPYRIGHT 2023 Foo News');
    expect(parsed?.holder).toBe('Foo News');
    expect(parseCopyrightNotice('(C) 2020 Bar')?.holder).toBe('Bar');
  });

  it('finds no notice in text without a marker', () => {
    expect(parseCopyrightNotice('The minister said the copy was right, 2023.')).toBeUndefined();
  });

  it('keeps the restrictions stated with a wire notice as usage terms', () => {
    const parsed = parseCopyrightNotice(
      'Copyright 2023 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.',
    );
    expect(parsed?.holder).toBe('The Associated Press');
    expect(parsed?.usageTerms).toBe(
      'This material may not be published, broadcast, rewritten or redistributed.',
    );
  });

  it('gives a notice without a holder when none is named', () => {
    const parsed = parseCopyrightNotice('© 2023. All rights reserved.');
    expect(parsed?.notice).toBe('© 2023. All rights reserved.');
    expect(parsed?.holder).toBeUndefined();
    expect(parsed?.year).toBe('2023');
  });

  it.each([
    'The copyright dispute with Foo dragged on for years.',
    'Readers sent in many letters about the copyright bill last week, and Foo replied. Copyright 2020 Foo',
    'Public domain',
    '',
  ])('does not take %j for a notice', (text) => {
    expect(parseCopyrightNotice(text)).toBeUndefined();
  });

  it('takes no holder from a lead that only says what is covered', () => {
    expect(parseCopyrightNotice('Photo © 2025')?.holder).toBeUndefined();
    expect(parseCopyrightNotice('All content © 2025')?.holder).toBeUndefined();
  });
});
