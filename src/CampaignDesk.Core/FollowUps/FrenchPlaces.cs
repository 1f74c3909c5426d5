namespace CampaignDesk.Core.FollowUps;

/// <summary>"de" and a place name, with the article and elision French requires: « de l'Isère », « du Nord », « du Havre ».</summary>
public static class FrenchPlaces
{
    private static readonly string[] Elided = ["A", "E", "I", "O", "U", "Y", "H", "À", "Â", "É", "È", "Ê", "Î", "Ô", "Œ"];

    /// <summary>
    /// For a name without its article and INSEE's TNCC (type de nom en clair) code: the NCCENR column of the COG
    /// files, which for départements and régions is also LIBELLE (« Isère », 5 → « de l'Isère »). The article comes
    /// out lower case, as it is not part of a département's name; for communes use <see cref="OfCommune"/>.
    /// </summary>
    public static string Of(string name, int tncc) => tncc switch
    {
        0 => $"de {name}",
        1 => $"d'{name}",
        2 => $"du {name}",
        3 => $"de la {name}",
        4 => $"des {name}",
        5 => $"de l'{name}",
        6 => $"des {name}",
        7 => $"de las {name}",
        8 => $"de los {name}",
        _ => throw new ArgumentOutOfRangeException(nameof(tncc), tncc, "INSEE's TNCC codes run from 0 to 8."),
    };

    /// <summary>
    /// For a commune's full name as CampaignDesk stores it (the COG's LIBELLE, article included and capitalised):
    /// « Le Havre » → « du Havre », « Les Abymes » → « des Abymes », « La Rochelle » → « de La Rochelle »,
    /// « Annecy » → « d'Annecy ». Without the TNCC an initial h is taken as mute (« d'Hyères »), as for two thirds of
    /// the communes; h aspiré ones (« Hères ») come out wrong.
    /// </summary>
    public static string OfCommune(string libelle)
    {
        if (libelle.StartsWith("Le ", StringComparison.Ordinal))
        {
            return $"du {libelle[3..]}";
        }

        if (libelle.StartsWith("Les ", StringComparison.Ordinal))
        {
            return $"des {libelle[4..]}";
        }

        var elides = !libelle.StartsWith("L'", StringComparison.Ordinal) && !libelle.StartsWith("La ", StringComparison.Ordinal)
            && Elided.Any(letter => libelle.StartsWith(letter, StringComparison.OrdinalIgnoreCase));
        return elides ? $"d'{libelle}" : $"de {libelle}";
    }
}
