namespace CampaignDesk.Core.Parliament;

/// <summary>
/// One question, amendment or vote as its publisher gives it, keyed on the publisher's uid. Texts are plain text (the
/// publisher's HTML is decoded); <see cref="Body"/> is what the member wrote or said, <see cref="Answer"/> what the
/// Government answered — evidence, never the member's stance.
/// </summary>
/// <param name="Kind">One of <see cref="ParliamentKinds.All"/>.</param>
/// <param name="Number">The publisher's number (question number, amendment « CE219 », vote number).</param>
/// <param name="Title">The analyse of a question, the amendment's number and text, the vote's title.</param>
/// <param name="Subject">The rubrique of a question, the object of a vote.</param>
/// <param name="Analyses">A question's tête d'analyse and analyses, joined.</param>
/// <param name="Ministry">The ministry questioned (minInt).</param>
/// <param name="AnsweringMinistry">The ministry that answered (the last minAttrib).</param>
/// <param name="TextRef">The text an amendment refers to (texteLegislatifRef).</param>
/// <param name="Article">The article an amendment refers to.</param>
/// <param name="Status">A question's state (cloture), an amendment's sort, a vote's result.</param>
/// <param name="People">The author, co-signatories, and for a vote each member's vote, by the publisher's id.</param>
public sealed record ParliamentItem(
    string Uid,
    string Source,
    string Kind,
    string? Legislature,
    string? Number,
    string Title,
    string? Subject,
    string? Analyses,
    string? Ministry,
    string? AnsweringMinistry,
    string? AuthorRef,
    string? GroupLabel,
    string? TextRef,
    string? Article,
    string? Body,
    string? Answer,
    string? Status,
    DateOnly StatedOn,
    DateOnly? AnsweredOn,
    string Url,
    IReadOnlyList<ParliamentPerson> People);

/// <param name="Ref">The publisher's id of the person: « PA1008 » at the Assemblée, the matricule at the Sénat.</param>
/// <param name="Role">One of <see cref="ParliamentRoles"/>.</param>
public sealed record ParliamentPerson(string Ref, string Role, string? GroupRef = null);

public static class ParliamentKinds
{
    public const string WrittenQuestion = "written_question";
    public const string GovernmentQuestion = "government_question";
    public const string OralQuestion = "oral_question";
    public const string Amendment = "amendment";
    public const string Vote = "vote";

    public static readonly IReadOnlyList<string> All = [WrittenQuestion, GovernmentQuestion, OralQuestion, Amendment, Vote];

    /// <summary>
    /// The position an item becomes. An oral question without debate has no kind of its own among positions: it is a
    /// public statement (the summary says which question).
    /// </summary>
    public static string PositionKind(string kind) => kind == OralQuestion ? "public_statement" : kind;
}

public static class ParliamentRoles
{
    public const string Author = "author";
    public const string Cosignatory = "cosignatory";
    public const string For = "pour";
    public const string Against = "contre";
    public const string Abstention = "abstention";
    public const string NonVoting = "non_votant";
}
