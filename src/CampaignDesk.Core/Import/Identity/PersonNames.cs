using System.Globalization;
using System.Text;

namespace CampaignDesk.Core.Import.Identity;

/// <summary>
/// Name keys for identity resolution across the RNE, Assemblée, Datan and Sénat files, which write the same person
/// as "BLATRIX CONTAT Florence", "Blatrix-Contat Florence" or "Florence Blatrix Contat".
/// </summary>
/// <remarks>
/// A key is <c>"last|first"</c> over folded names. <see cref="StrictKeys"/> only forgive spelling noise (accents,
/// case, hyphens, apostrophes, spacing); <see cref="LooseKeys"/> also accept one part of a compound surname, the
/// surname without its particle, and the first given name alone. A matcher compares strict keys first and falls back
/// to loose keys only when no strict key matched, so a loose key never overrides an exact spelling.
/// </remarks>
public static class PersonNames
{
    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal) { "de", "du", "des", "d" };

    /// <summary>
    /// Accents and case folded, "œ"→"oe", hyphens, apostrophes, dots and runs of spaces made single spaces;
    /// particles are kept ("de La Gontrie" and "DE LA GONTRIE" both give "de la gontrie").
    /// </summary>
    public static string Fold(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var decomposed = name.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            switch (c)
            {
                case 'œ' or 'Œ':
                    builder.Append("oe");
                    break;
                case 'æ' or 'Æ':
                    builder.Append("ae");
                    break;
                case 'ß':
                    builder.Append("ss");
                    break;
                case var letter when char.IsLetterOrDigit(letter):
                    builder.Append(char.ToLowerInvariant(letter));
                    break;
                default:
                    // Hyphens, apostrophes (straight or curly), dots, commas and every kind of space separate words.
                    if (builder.Length > 0 && builder[^1] != ' ')
                    {
                        builder.Append(' ');
                    }

                    break;
            }
        }

        return builder.ToString().TrimEnd();
    }

    /// <summary>All keys for a person, strict keys first (see <see cref="StrictKeys"/> and <see cref="LooseKeys"/>).</summary>
    public static IReadOnlyList<string> Keys(string lastName, string firstName) =>
        StrictKeys(lastName, firstName).Concat(LooseKeys(lastName, firstName)).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>
    /// The exact key "last|first", then the same with the spaces inside each part removed, so that
    /// "Le Houerou"/"LEHOUEROU" and "d'Hères"/"DHERES" agree.
    /// </summary>
    public static IReadOnlyList<string> StrictKeys(string lastName, string firstName)
    {
        var last = Fold(lastName);
        var first = Fold(firstName);
        if (last.Length == 0)
        {
            return [];
        }

        return new[] { Key(last, first), Key(Joined(last), Joined(first)) }.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Looser keys: the surname without a leading particle ("de Nicolaÿ" → "nicolay"), each part of a compound
    /// surname ("REID ABERLOT" → "reid", "aberlot"), and the first given name alone ("Marie-Ange" → "marie").
    /// Parts shorter than three letters are not used alone.
    /// </summary>
    public static IReadOnlyList<string> LooseKeys(string lastName, string firstName)
    {
        var last = Fold(lastName);
        var first = Fold(firstName);
        if (last.Length == 0)
        {
            return [];
        }

        var firstNames = new List<string> { first };
        var firstGiven = first.Split(' ')[0];
        if (firstGiven.Length >= 3)
        {
            firstNames.Add(firstGiven);
        }

        var lastNames = new List<string> { last };
        var words = last.Split(' ');
        var skip = 0;
        while (skip < words.Length - 1 && Particles.Contains(words[skip]))
        {
            skip++;
        }

        var core = words[skip..];
        lastNames.Add(string.Join(' ', core));
        if (core.Length > 1)
        {
            lastNames.AddRange(core.Where(part => part.Length >= 3 && !Particles.Contains(part)));
        }

        var strict = StrictKeys(lastName, firstName);
        return lastNames.SelectMany(l => firstNames.Select(f => Key(l, f)))
            .Distinct(StringComparer.Ordinal)
            .Where(key => !strict.Contains(key))
            .ToList();
    }

    /// <summary>
    /// Every way to read a full name "Prénom Nom" (as the Assemblée writes it) as (last, first), splitting on spaces
    /// only, longest surname first: "Mereana Reid Arbelot" → ("Reid Arbelot", "Mereana"), ("Arbelot", "Mereana Reid").
    /// </summary>
    public static IReadOnlyList<(string LastName, string FirstName)> Splits(string fullName)
    {
        var words = fullName.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var splits = new List<(string, string)>();
        for (var firstWords = 1; firstWords < words.Length; firstWords++)
        {
            splits.Add((string.Join(' ', words[firstWords..]), string.Join(' ', words[..firstWords])));
        }

        return splits;
    }

    /// <summary>
    /// Splits a full name "Prénom Nom" where its tail is one of <paramref name="knownLastNames"/> (compared folded),
    /// preferring the longest surname; null when no known surname ends the name: never guessed.
    /// </summary>
    public static (string LastName, string FirstName)? SplitFullName(string fullName, IEnumerable<string> knownLastNames)
    {
        var known = knownLastNames.Select(Fold).ToHashSet(StringComparer.Ordinal);
        foreach (var split in Splits(fullName))
        {
            if (known.Contains(Fold(split.LastName)))
            {
                return split;
            }
        }

        return null;
    }

    private static string Key(string last, string first) => last + "|" + first;

    private static string Joined(string folded) => folded.Replace(" ", string.Empty, StringComparison.Ordinal);
}
