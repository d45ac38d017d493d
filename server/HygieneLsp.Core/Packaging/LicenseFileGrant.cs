using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Packaging;

/// <summary>
/// `"license": "SEE LICENSE IN LICENSE.md"` names a file instead of a license. When the file's opening states an
/// open-source grant for the software itself (the MIT, BSD, ISC or Apache text, the GNU or Mozilla licenses, or a
/// dual license one of whose options is one of those, as CKEditor's GPL-or-commercial), that license decides. Only the
/// opening counts: a proprietary license lists the open-source licenses of its third-party parts further down (Mapbox).
/// </summary>
public static class LicenseFileGrant
{
    private const int Opening = 1200;
    private const long MaxBytes = 256 * 1024;

    private static readonly (string Text, string Spdx)[] Grants =
    [
        ("Permission is hereby granted, free of charge", "MIT"),
        ("Permission to use, copy, modify, and/or distribute this software for any purpose", "ISC"),
        ("Redistribution and use in source and binary forms", "BSD-3-Clause"),
        ("Apache License", "Apache-2.0"),
        ("GNU Lesser General Public License", "LGPL-3.0-or-later"),
        ("GNU LESSER GENERAL PUBLIC LICENSE", "LGPL-3.0-or-later"),
        ("GNU Affero General Public License", "AGPL-3.0-or-later"),
        ("GNU AFFERO GENERAL PUBLIC LICENSE", "AGPL-3.0-or-later"),
        ("GNU General Public License", "GPL-2.0-or-later"),
        ("GNU GENERAL PUBLIC LICENSE", "GPL-2.0-or-later"),
        ("Mozilla Public License", "MPL-2.0"),
    ];

    /// <summary>The openness with the license file read when the manifest points to one; the manifest's own otherwise.</summary>
    public static SourceOpenness Resolve(SourceOpenness fromManifest, string? license, string? repository, IFileView files, string root)
    {
        if (fromManifest.IsOpen || license is null) return fromManifest;
        var trimmed = license.Trim();
        if (!trimmed.StartsWith("SEE LICENSE IN ", StringComparison.OrdinalIgnoreCase)) return fromManifest;
        var name = trimmed["SEE LICENSE IN ".Length..].Trim();
        if (name.Length == 0 || name.Contains("..", StringComparison.Ordinal) || name.StartsWith('/')) return fromManifest;
        var path = Paths.Combine(root, name.TrimStart('.', '/'));
        if (files.GetLength(path) is not { } length || length > MaxBytes || files.ReadAllText(path) is not { } text) return fromManifest;
        var opening = text.AsSpan(0, Math.Min(text.Length, Opening));
        foreach (var (grant, spdx) in Grants)
            if (opening.Contains(grant, StringComparison.Ordinal))
                return SourceOpenness.Of(spdx, repository, "package.json") is { IsOpen: true } open
                    ? open with { Reason = $"{name} grants {spdx.Split('-')[0]}, {open.Reason[(open.Reason.IndexOf(',') + 2)..]}" }
                    : fromManifest;
        return fromManifest;
    }
}
