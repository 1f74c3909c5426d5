namespace CampaignDesk.Core.Text;

/// <summary>
/// What a person typed in a search box, as words to find: folded (<see cref="SearchText.Fold"/>: case and accents gone),
/// split on anything that is not a letter or a digit (hyphens and apostrophes are spaces: « saint martin d'heres » is
/// « saint martin d heres »), distinct, at most <see cref="MaxTokens"/>. A text matches when every word of the query begins
/// one of its words, in any order (« Cyrielle Chatelain » finds « chatelain cyrielle »); where nothing matches so, a word of
/// 5 letters or more may carry one typo and a word of 8 or more two (Damerau-Levenshtein: a letter added, missing, wrong,
/// or two swapped), against the beginning of a word.
/// </summary>
public sealed class SearchQuery
{
    /// <summary>Words of a query used at most: more narrow nothing a person types.</summary>
    public const int MaxTokens = 6;

    /// <summary>The shortest piece of text the engines' trigram indexes can look up.</summary>
    public const int IndexedLength = 3;

    private SearchQuery(IReadOnlyList<SearchToken> tokens) => Tokens = tokens;

    public IReadOnlyList<SearchToken> Tokens { get; }

    public bool IsEmpty => Tokens.Count == 0;

    /// <summary>True when a word may carry a typo, so that a second, forgiving pass can find what the exact one did not.</summary>
    public bool ForgivesTypos => Tokens.Any(t => t.MaxTypos > 0);

    public static SearchQuery Parse(string? text) =>
        new(WordsOf(SearchText.Fold(text)).Distinct(StringComparer.Ordinal).Take(MaxTokens).Select(w => new SearchToken(w)).ToList());

    /// <summary>The words of a folded text: runs of letters and digits.</summary>
    public static IReadOnlyList<string> WordsOf(string folded)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var inWord = i < folded.Length && char.IsLetterOrDigit(folded[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                words.Add(folded[start..i]);
                start = -1;
            }
        }

        return words;
    }

    /// <summary>
    /// What an index must find for a text to match, one group per word, any piece of a group will do: the word as the
    /// beginning of a word; when it may carry typos, also <paramref name="typoWords"/> (the words of the index's vocabulary
    /// within its typos, where the engine has one) or else any of its trigrams. Without any word of three letters or more
    /// and no word index, the first word is looked for anywhere (a scan).
    /// </summary>
    public IReadOnlyList<IReadOnlyList<SearchPiece>> IndexGroups(bool forgiving, Func<SearchToken, IEnumerable<string>>? typoWords) =>
        Tokens.Select(t => (IReadOnlyList<SearchPiece>)(!forgiving || t.MaxTypos == 0 ? [new SearchPiece(t.Text, SearchPieceKind.WordPrefix)]
            : typoWords is null ? t.Trigrams.Select(g => new SearchPiece(g, SearchPieceKind.Contained)).ToList()
            : typoWords(t).Select(w => new SearchPiece(w, SearchPieceKind.Word)).Prepend(new SearchPiece(t.Text, SearchPieceKind.WordPrefix)).ToList()))
            .ToList();

    /// <summary>The words of <paramref name="vocabulary"/> that <paramref name="token"/> matches with typos (see <see cref="Match"/>).</summary>
    public static IEnumerable<string> WithinTypos(SearchToken token, IEnumerable<string> vocabulary) =>
        vocabulary.Where(w => !w.StartsWith(token.Text, StringComparison.Ordinal) && token.TyposTo(w) <= token.MaxTypos);

    /// <summary>
    /// How <paramref name="folded"/> (a folded search text) matches, or null when it does not: exactly (every word
    /// begins one of its words) or, with <paramref name="forgiving"/>, with typos.
    /// </summary>
    public SearchMatch? Match(string folded, bool forgiving)
    {
        if (IsEmpty)
        {
            return null;
        }

        var words = WordsOf(folded);
        var wholeWords = 0;
        var typos = 0;
        foreach (var token in Tokens)
        {
            var best = int.MaxValue;
            foreach (var word in words)
            {
                if (word.StartsWith(token.Text, StringComparison.Ordinal))
                {
                    best = word.Length == token.Text.Length ? -1 : Math.Min(best, 0);
                    if (best < 0)
                    {
                        break;
                    }
                }
                else if (forgiving)
                {
                    best = Math.Min(best, token.TyposTo(word));
                }
            }

            if (best == int.MaxValue)
            {
                return null;
            }

            wholeWords += best < 0 ? 1 : 0;
            typos += Math.Max(best, 0);
        }

        var kind = typos > 0 ? SearchMatchKind.Typos
            : wholeWords < Tokens.Count ? SearchMatchKind.Prefix
            : words.Count == Tokens.Count && words.All(w => Tokens.Any(t => t.Text == w)) ? SearchMatchKind.ExactName
            : SearchMatchKind.Words;
        return new SearchMatch(kind, typos);
    }
}

/// <summary>One word of a query, with the typos it may carry and the trigrams that find its candidates.</summary>
public sealed record SearchToken(string Text)
{
    /// <summary>0 under 5 letters, 1 from 5, 2 from 8.</summary>
    public int MaxTypos { get; } = Text.Length >= 8 ? 2 : Text.Length >= 5 ? 1 : 0;

    /// <summary>Its distinct three-letter pieces: a word with a typo or two keeps at least one of them in most cases.</summary>
    private readonly HashSet<string> _trigrams = Enumerable.Range(0, Math.Max(0, Text.Length - SearchQuery.IndexedLength + 1))
        .Select(i => Text.Substring(i, SearchQuery.IndexedLength)).ToHashSet(StringComparer.Ordinal);

    public IReadOnlyList<string> Trigrams => [.. _trigrams.Order(StringComparer.Ordinal)];

    /// <summary>
    /// The typos between this word and the beginning of <paramref name="word"/>, or <see cref="int.MaxValue"/> past
    /// <see cref="MaxTypos"/> or when the two share no three letters in a row (what the trigram indexes can find on every engine).
    /// </summary>
    public int TyposTo(string word)
    {
        if (MaxTypos == 0 || !Enumerable.Range(0, Math.Max(0, word.Length - SearchQuery.IndexedLength + 1))
                .Any(i => _trigrams.Contains(word.Substring(i, SearchQuery.IndexedLength))))
        {
            return int.MaxValue;
        }

        return Typos.ToPrefix(Text, word, MaxTypos);
    }
}

/// <summary>How an index looks a piece of a query up: as a word's beginning, as a whole word, or contained anywhere.</summary>
public enum SearchPieceKind
{
    WordPrefix,
    Word,
    Contained,
}

public sealed record SearchPiece(string Text, SearchPieceKind Kind);

/// <summary>Best first: the whole name, every word whole, words begun, typos.</summary>
public enum SearchMatchKind
{
    ExactName,
    Words,
    Prefix,
    Typos,
}

/// <summary>How a result matched the query, with the reason told in French for the people who read it.</summary>
public sealed record SearchMatch(SearchMatchKind Kind, int Typos)
{
    public string Reason => Kind switch
    {
        SearchMatchKind.ExactName => "nom exact",
        SearchMatchKind.Words => "mots exacts",
        SearchMatchKind.Prefix => "préfixe",
        _ => Typos == 1 ? "1 faute" : $"{Typos} fautes",
    };
}
