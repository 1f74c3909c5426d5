namespace CampaignDesk.Core.Text;

/// <summary>Typos between a typed word and a stored one, counted as Damerau-Levenshtein (optimal string alignment) edits.</summary>
public static class Typos
{
    /// <summary>
    /// The fewest edits (a letter added, missing or wrong, two neighbours swapped) that turn <paramref name="typed"/> into
    /// the beginning of <paramref name="word"/> — « chatelaine » is one from « chatelain », « chtelain » one from
    /// « chatelain » — or <see cref="int.MaxValue"/> when more than <paramref name="max"/> are needed.
    /// </summary>
    public static int ToPrefix(string typed, string word, int max)
    {
        var n = typed.Length;
        var m = Math.Min(word.Length, n + max);
        if (m < n - max)
        {
            return int.MaxValue;
        }

        // Rows i-2, i-1 and i of the (n+1) × (m+1) table; column j is the first j letters of word.
        var before = new int[m + 1];
        var previous = new int[m + 1];
        var current = new int[m + 1];
        for (var j = 0; j <= m; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= n; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= m; j++)
            {
                var cost = typed[i - 1] == word[j - 1] ? 0 : 1;
                var d = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && typed[i - 1] == word[j - 2] && typed[i - 2] == word[j - 1])
                {
                    d = Math.Min(d, before[j - 2] + 1);
                }

                current[j] = d;
                rowMin = Math.Min(rowMin, d);
            }

            if (rowMin > max)
            {
                return int.MaxValue;
            }

            (before, previous, current) = (previous, current, before);
        }

        // previous is now row n: the typed word against each beginning of the stored one, as long as it differs by at most max.
        var best = int.MaxValue;
        for (var j = Math.Max(0, n - max); j <= m; j++)
        {
            best = Math.Min(best, previous[j]);
        }

        return best <= max ? best : int.MaxValue;
    }
}
