using HygieneLsp.Core.Parsing.Jsonc;
using HygieneLsp.Core.Text;

namespace HygieneLsp.Core.Fixes.Vsix;

/// <summary>Text edits that delete items from a JSON array with their separating comma, leaving every other byte alone.</summary>
internal static class JsonArrayItemRemoval
{
    public static List<TextEdit> Remove(JsoncDocument doc, JsoncArray array, IReadOnlyCollection<JsoncNode> items)
    {
        var edits = new List<TextEdit>();
        var all = array.Items;
        var keep = all.Where(i => !items.Contains(i)).ToList();
        if (keep.Count == 0)
        {
            // Everything goes: empty the brackets (comments inside go with the items).
            edits.Add(new TextEdit(doc.Lines.GetRange(array.Start + 1, array.End - 1), ""));
            return edits;
        }
        for (var k = 0; k < all.Count; k++)
        {
            if (!items.Contains(all[k])) continue;
            // Up to the next kept item when there is one (removes "item, "), else from the previous kept item's end (", item").
            var nextKept = all.Skip(k + 1).FirstOrDefault(i => !items.Contains(i));
            if (nextKept is not null)
            {
                var end = all[k + 1].Start;
                edits.Add(new TextEdit(doc.Lines.GetRange(all[k].Start, end), ""));
            }
            else
            {
                var prev = all.Take(k).LastOrDefault(i => !items.Contains(i))!;
                var start = prev.End;
                // Only the first removed item of a trailing run starts at the previous kept item's end.
                if (all[k - 1] != prev) start = all[k - 1].End;
                edits.Add(new TextEdit(doc.Lines.GetRange(start, all[k].End), ""));
            }
        }
        return edits;
    }
}
