using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Discovery;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Rules.Workflows;
using HygieneLsp.Core.Tests.Support;
using HygieneLsp.Core.Text;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Tests.Rules.Workflows;

/// <summary>A temporary repository with workflow files, analysed by <see cref="WorkflowAnalyzer"/> alone.</summary>
public sealed class WorkflowWorkspace : IDisposable
{
    private readonly TempDir _dir = new("hygiene-wf");

    public string Root => Paths.Normalize(_dir.Path);

    public string Write(string relativePath, string content) => Paths.Normalize(_dir.Write(relativePath, content));

    /// <summary>Writes <c>.github/workflows/NAME</c> and returns its path.</summary>
    public string Workflow(string yaml, string name = "release.yml") => Write(".github/workflows/" + name, yaml);

    public string Read(string relativePath) => _dir.Read(relativePath);

    public List<Finding> Analyze()
    {
        var index = WorkspaceIndex.Build(FileView.Disk, Root);
        var context = new AnalysisContext(FileView.Disk, index, EngineSettings.Default, new AnalysisCache());
        return new WorkflowAnalyzer().Analyze(context, CancellationToken.None).ToList();
    }

    public List<Finding> Analyze(string ruleId) => Analyze().Where(f => f.RuleId == ruleId).ToList();

    /// <summary>The text a finding's range covers.</summary>
    public static string TextAt(Finding finding)
    {
        var text = File.ReadAllText(finding.Location.Path);
        var lines = new LineIndex(text);
        var start = lines.GetOffset(finding.Location.Range.Start);
        return text[start..lines.GetOffset(finding.Location.Range.End)];
    }

    public void Dispose() => _dir.Dispose();
}
