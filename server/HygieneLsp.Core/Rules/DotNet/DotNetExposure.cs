using HygieneLsp.Core.BuildConfigs.MsBuild;
using HygieneLsp.Core.Packaging.NuGet;

namespace HygieneLsp.Core.Rules.DotNet;

/// <summary>
/// Everything a prediction lets out, as a set of tokens (unknown counts as out), so "a fix never makes a ship set
/// larger" is a subset check.
/// </summary>
public static class DotNetExposure
{
    public static HashSet<string> Of(DotNetShipPrediction p)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        void Add(string token, Tri t) { if (t != Tri.False) set.Add(token); }
        var embed = p.EmbedsAllSources;
        Add("pack:pdb", p.Pack.MainHasPdb);
        Add("pack:dll-pdb", p.Pack.MainDllEmbedsPdb);
        Add("pack:dll-sources", DotNetShipPredictor.And(p.Pack.MainDllEmbedsPdb, embed));
        Add("symbols:pdb", p.Pack.SymbolsHavePdb);
        Add("symbols:pdb-sources", DotNetShipPredictor.And(p.Pack.SymbolsHavePdb, embed));
        Add("symbols:src", p.Pack.SymbolsHaveSources);
        Add("publish:pdb", p.Publish.HasPdb);
        Add("publish:dll-pdb", p.Publish.DllEmbedsPdb);
        Add("publish:sources", DotNetShipPredictor.And(DotNetShipPredictor.Or(p.Publish.HasPdb, p.Publish.DllEmbedsPdb), embed));
        if (p.Pack.Packs != Tri.False) foreach (var f in p.Pack.Content) set.Add("pack:file:" + f.ShippedPath);
        if (p.Publish.Publishes != Tri.False) foreach (var f in p.Publish.Files) set.Add("publish:file:" + f.ShippedPath);
        return set;
    }
}
