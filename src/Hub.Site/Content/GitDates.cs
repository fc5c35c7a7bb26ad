using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Hub.Site.Content;

/// <summary>
/// When each file of the input folder last changed, from git: the author date of the last commit that touched it,
/// read in one <c>git log</c> over the input folder (never a process per page), and the files that differ from that
/// commit now (<c>git status</c>), which have no git date. Only paths inside the input folder are asked for or kept,
/// and only their dates reach the site. A file last touched by the boundary commit of a shallow clone has no date
/// either: that commit stands for all the history before it. Null from <see cref="Read"/> when the input folder is not
/// in a git work tree, the work tree has no commit, or git cannot be run.
/// </summary>
public sealed class GitDates
{
    private readonly Dictionary<string, DateTimeOffset> _committed;
    private HashSet<string> _modified;

    private readonly string _prefix;

    private GitDates(string input, string prefix, string head, bool shallow, Dictionary<string, DateTimeOffset> committed, HashSet<string> modified)
    {
        Input = input;
        _prefix = prefix;
        Head = head;
        Shallow = shallow;
        _committed = committed;
        _modified = modified;
    }

    /// <summary>The input folder, full path.</summary>
    public string Input { get; }

    /// <summary>The commit the dates were read at.</summary>
    public string Head { get; }

    /// <summary>The work tree is a shallow clone: files older than its history have no date.</summary>
    public bool Shallow { get; }

    /// <summary>The last commit's author date of a file of the input folder, or null when git has none for it or it is modified since.</summary>
    public DateTimeOffset? Of(string sourcePath)
    {
        var relative = Relative(sourcePath);
        return relative is not null && !_modified.Contains(relative) && _committed.TryGetValue(relative, out var date) ? date : null;
    }

    /// <summary>
    /// Reads which files are modified again (serve, after an edit); false when the work tree moved to another commit,
    /// which changes dates of files nobody edited: only a full build can then say them all.
    /// </summary>
    public bool Refresh()
    {
        if (Status(Input, _prefix) is not { } status || status.Head != Head)
        {
            return false;
        }
        _modified = status.Modified;
        return true;
    }

    public static GitDates? Read(string input)
    {
        input = Path.GetFullPath(input);
        // One process answers whether this is a work tree, whether it is shallow and where the input sits in it.
        if (Run(input, "rev-parse", "--is-inside-work-tree", "--is-shallow-repository", "--show-prefix") is not { } probe)
        {
            return null;
        }
        var lines = probe.Split('\n');
        if (lines.Length < 3 || lines[0] != "true")
        {
            return null;
        }
        var shallow = lines[1] == "true";
        var prefix = lines[2];
        if (Status(input, prefix) is not { } status || status.Head.Length == 0)
        {
            return null;
        }
        // %x1e starts a commit, %x1f parts its author date from its parents; with -z each name ends with NUL.
        // --relative keeps the names under the input folder and relative to it; merges list no names without -m.
        if (Run(input, "-c", "log.showSignature=false", "log", "--relative", "--name-only", "-z", "--no-color",
                "--format=%x1e%aI%x1f%P", status.Head, "--", ".") is not { } log)
        {
            return null;
        }
        var committed = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var skipped = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in log.Split('\x1e', StringSplitOptions.RemoveEmptyEntries))
        {
            var end = record.IndexOf('\0');
            var header = end < 0 ? record : record[..end];
            var separator = header.IndexOf('\x1f');
            if (separator < 0 || !DateTimeOffset.TryParse(header[..separator], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                continue;
            }
            // Without parents in a shallow clone, a commit is the cut: it "adds" every file older than the history fetched.
            var boundary = shallow && header[(separator + 1)..].Trim().Length == 0;
            if (end < 0)
            {
                continue;
            }
            foreach (var name in record[(end + 1)..].TrimStart('\n').Split('\0', StringSplitOptions.RemoveEmptyEntries))
            {
                // The log runs from the newest commit: a file's first name is its last change.
                if (!committed.ContainsKey(name) && !skipped.Contains(name))
                {
                    if (boundary)
                    {
                        skipped.Add(name);
                    }
                    else
                    {
                        committed[name] = date;
                    }
                }
            }
        }
        return new GitDates(input, prefix, status.Head, shallow, committed, status.Modified);
    }

    /// <summary>The commit checked out and the input's files that differ from it (staged or not), relative to the input folder.</summary>
    private static (string Head, HashSet<string> Modified)? Status(string input, string prefix)
    {
        // No fsmonitor: a configured one is a program git would start, and reading dates runs nothing but git.
        if (Run(input, "-c", "core.fsmonitor=false", "status", "--porcelain=v2", "-z", "--branch", "--untracked-files=no", "--ignore-submodules=all", "--", ".") is not { } status)
        {
            return null;
        }
        var head = string.Empty;
        var modified = new HashSet<string>(StringComparer.Ordinal);
        var entries = status.Split('\0');
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = entries[i];
            if (entry.StartsWith("# branch.oid ", StringComparison.Ordinal))
            {
                var oid = entry["# branch.oid ".Length..];
                head = oid == "(initial)" ? string.Empty : oid;
                continue;
            }
            // "1 XY sub mH mI mW hH hI path", "2 XY sub mH mI mW hH hI Xscore path" then the original path, "u XY sub m1 m2 m3 mW h1 h2 h3 path".
            var fields = entry.Length > 0 ? entry[0] switch { '1' => 9, '2' => 10, 'u' => 11, _ => 0 } : 0;
            if (fields == 0)
            {
                continue;
            }
            var parts = entry.Split(' ', fields);
            if (parts.Length == fields)
            {
                Add(parts[fields - 1]);
            }
            if (entry[0] == '2' && i + 1 < entries.Length)
            {
                Add(entries[++i]);
            }
        }
        return (head, modified);

        void Add(string path)
        {
            if (path.StartsWith(prefix, StringComparison.Ordinal))
            {
                modified.Add(path[prefix.Length..]);
            }
        }
    }

    private string? Relative(string sourcePath)
    {
        var relative = Path.GetRelativePath(Input, Path.GetFullPath(sourcePath));
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? null : relative.Replace('\\', '/');
    }

    /// <summary>Git's standard output, or null when git is missing or fails (not a work tree, no commit).</summary>
    private static string? Run(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        // Reading must never take git's index lock from a concurrent git command, nor page, nor ask for anything.
        start.Environment["GIT_OPTIONAL_LOCKS"] = "0";
        start.Environment["GIT_PAGER"] = "cat";
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        start.Environment["LC_ALL"] = "C";
        try
        {
            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }
            process.StandardInput.Close();
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            error.GetAwaiter().GetResult();
            process.WaitForExit();
            return process.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // git is not installed
        }
    }

    /// <summary>The commit the input folder's work tree has checked out, or null: part of the up-to-date fingerprint when dates come from git.</summary>
    public static string? HeadOf(string input) =>
        Directory.Exists(input) ? Run(Path.GetFullPath(input), "rev-parse", "--verify", "-q", "HEAD")?.Trim() : null;
}
