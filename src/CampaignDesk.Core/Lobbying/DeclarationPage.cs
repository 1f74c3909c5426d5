using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using CampaignDesk.Core.Common;

namespace CampaignDesk.Core.Lobbying;

/// <summary>
/// The annual declaration as a French page to print or save as PDF: every text it quotes (names, campaigns) is
/// HTML-encoded, and it carries no script.
/// </summary>
public static class DeclarationPage
{
    /// <summary>Encodes what HTML reads as markup (&lt; &gt; &amp; quotes), leaving French letters as they are.</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Html(Declaration d)
    {
        ArgumentNullException.ThrowIfNull(d);
        static string E(string? text) => Encoder.Encode(text ?? "");
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $$"""
            <!DOCTYPE html>
            <html lang="fr">
            <head>
            <meta charset="utf-8">
            <title>Déclaration {{d.FiscalYear}} — {{E(d.OrganisationName)}}</title>
            <style>
            body { font-family: system-ui, sans-serif; margin: 2rem; color: #111; }
            table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
            th, td { border: 1px solid #999; padding: .4rem; text-align: left; vertical-align: top; }
            .a-remplir th { width: 55%; }
            .a-remplir td { background: #fff7d6; height: 2.5rem; }
            @media print { body { margin: 0; } }
            </style>
            </head>
            <body>
            <h1>Déclaration d'activités de représentation d'intérêts</h1>
            <p><strong>{{E(d.OrganisationName)}}</strong> — exercice du {{FrenchDates.LongForm(d.From)}} au {{FrenchDates.LongForm(d.To)}}</p>
            <p>Contenu prévu par l'article 3 du décret n° 2017-867 du 9 mai 2017, pour la part que le journal de CampaignDesk connaît. À reporter sur le télé-service de la Haute Autorité pour la transparence de la vie publique dans les trois mois suivant la clôture de l'exercice.</p>
            <h2>Actions de représentation d'intérêts</h2>
            <table>
            <thead><tr><th scope="col">Décision publique visée (campagne)</th><th scope="col">Objectif</th><th scope="col">Types d'actions</th><th scope="col">Catégories de responsables publics</th><th scope="col">Nombre d'actions</th></tr></thead>
            <tbody>

            """);
        foreach (var line in d.Lines)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(line.PublicDecision)}</td><td>{E(line.Goal)}</td><td>{E(string.Join(" ; ", line.ActionTypes))}</td>"
                + $"<td>{E(string.Join(" ; ", line.Categories))}</td><td>{line.Actions}</td></tr>\n");
        }

        html.Append(CultureInfo.InvariantCulture, $"""
            </tbody>
            <tfoot><tr><th scope="row" colspan="4">Total des actions de l'exercice</th><td>{d.TotalActions}</td></tr></tfoot>
            </table>
            <h2>À remplir par l'organisation</h2>
            <p>CampaignDesk ne connaît pas ces informations : l'organisation les complète elle-même.</p>
            <table class="a-remplir">
            <tbody>

            """);
        foreach (var field in d.ToFill)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><th scope=\"row\">{E(field)}</th><td>&nbsp;</td></tr>\n");
        }

        html.Append("""
            </tbody>
            </table>
            <p><small>Ce document aide à préparer la déclaration ; ce n'est pas un conseil juridique. Ce qui est compté, et pourquoi : voir le détail ligne par ligne des actions dans CampaignDesk.</small></p>
            </body>
            </html>

            """);
        return html.ToString();
    }
}
