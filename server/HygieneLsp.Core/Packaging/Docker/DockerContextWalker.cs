using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Packaging.Docker;

/// <summary>One path of a build context (relative, slash-separated), as the client sends it to BuildKit.</summary>
public readonly record struct ContextEntry(string Path, bool IsDirectory)
{
    /// <summary>A folder sent whole whose contents were not listed (.git, node_modules: see <c>collapse</c>).</summary>
    public bool IsCollapsed { get; init; }
}

/// <summary>The paths a build context sends, in walk order; <see cref="Error"/> when BuildKit would fail the build instead.</summary>
public sealed record ContextListing(IReadOnlyList<ContextEntry> Entries, bool Truncated, string? Error);

/// <summary>
/// The build context as BuildKit's client sends it (tonistiigi/fsutil's filtered walk, ported step for step): every
/// path in lexical order, matched against the ignore patterns with the parent folder's results; an excluded folder is
/// skipped whole unless some `!` exception could match below it (when every exception is a plain path, only those
/// naming something under the folder count; otherwise the folder is always entered); an excluded folder holding a
/// re-included file is still sent, before that file. Symbolic links are sent as links, never followed.
/// </summary>
public static class DockerContextWalker
{
    private const string PatternChars = "*[]?^\\";

    private sealed class VisitedDir(string path)
    {
        public string Path { get; } = path;
        public string PathWithSep { get; } = path + "/";
        public bool[]? ExcludeInfo { get; set; }
        public bool CalledFn { get; set; }
    }

    /// <param name="collapse">Folder names sent as one entry without listing what is inside (a repository's .git, installed
    /// dependencies): what matters about them is that they are sent at all. None for an exact listing.</param>
    public static ContextListing Walk(IFileView files, string contextRoot, IReadOnlyList<string> excludePatterns, int maxEntries = 300_000,
        IReadOnlySet<string>? collapse = null, CancellationToken cancellationToken = default)
    {
        DockerPatternMatcher? matcher = null;
        var onlyPrefixExceptions = true;
        if (excludePatterns.Count > 0)
        {
            matcher = DockerPatternMatcher.Create(excludePatterns, out var error);
            if (matcher is null) return new ContextListing([], false, error);
            if (matcher.HasUnusablePattern) return new ContextListing([], false, "a .dockerignore pattern does not compile as a regular expression");
            onlyPrefixExceptions = !matcher.Patterns.Any(p => p.Exclusion && WithoutTrailingGlob(p).IndexOfAny(PatternChars.ToCharArray()) >= 0);
        }
        var entries = new List<ContextEntry>();
        var parents = new List<VisitedDir>();
        var truncated = false;
        Visit(Paths.Normalize(contextRoot), "");
        return new ContextListing(entries, truncated, null);

        // filepath.WalkDir: the folder's own callback first, then its sorted entries; SkipDir from a folder skips its entries.
        void Visit(string absolute, string relative)
        {
            foreach (var e in files.List(absolute))
            {
                if (truncated) return;
                cancellationToken.ThrowIfCancellationRequested();
                var path = relative.Length == 0 ? e.Name : relative + "/" + e.Name;
                var isDir = e.IsDirectory && !e.IsSymbolicLink;
                if (!Filter(path, isDir) || !isDir) continue;
                if (collapse is not null && collapse.Contains(e.Name) && entries.Count > 0 && entries[^1].Path == path) entries[^1] = entries[^1] with { IsCollapsed = true };
                else Visit(e.FullPath, path);
            }
        }

        // The filter callback of fsutil's filterFS.Walk; false means SkipDir.
        bool Filter(string path, bool isDir)
        {
            if (matcher is not null)
                while (parents.Count > 0 && !path.StartsWith(parents[^1].PathWithSep, StringComparison.Ordinal)) parents.RemoveAt(parents.Count - 1);
            var dir = isDir ? new VisitedDir(path) : null;
            var skip = false;
            if (matcher is not null)
            {
                var (m, info) = matcher.MatchesUsingParentResults(path, parents.Count > 0 ? parents[^1].ExcludeInfo : null);
                if (dir is not null) dir.ExcludeInfo = info;
                if (m)
                {
                    if (isDir && onlyPrefixExceptions)
                    {
                        if (!matcher.Exclusions) return false;
                        var dirSlash = path + "/";
                        if (!matcher.Patterns.Any(p => p.Exclusion && (WithoutTrailingGlob(p) + "/").StartsWith(dirSlash, StringComparison.Ordinal))) return false;
                    }
                    skip = true;
                }
            }
            if (matcher is not null && dir is not null) parents.Add(dir);
            if (skip) return true;
            if (dir is not null) dir.CalledFn = true;
            // Excluded folders on the way down are sent when something inside them is.
            foreach (var parent in parents)
            {
                if (parent.CalledFn || parent == dir) continue;
                parent.CalledFn = true;
                Add(parent.Path, true);
            }
            Add(path, isDir);
            return true;
        }

        void Add(string path, bool isDir)
        {
            if (entries.Count >= maxEntries) { truncated = true; return; }
            entries.Add(new ContextEntry(path, isDir));
        }
    }

    private static string WithoutTrailingGlob(DockerPattern p)
    {
        var s = p.Cleaned;
        if (s.EndsWith("/**", StringComparison.Ordinal)) s = s[..^3];
        if (s.EndsWith("/*", StringComparison.Ordinal)) s = s[..^2];
        return s;
    }
}
