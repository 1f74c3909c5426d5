using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CampaignDesk.Core.Common;
using CampaignDesk.Core.Data;

namespace CampaignDesk.Core.Parliament;

/// <summary>The parliament items' SQL: each kept once by the publisher's uid, updated only when its content changed.</summary>
internal sealed class ParliamentItemStore
{
    public enum Saved
    {
        Added,
        Changed,
        Unchanged,
    }

    private const string Columns = """
        uid, source, kind, legislature, number, title, subject, analyses, ministry, answering_ministry, author_ref, group_label, text_ref,
        article, body, answer, status, stated_on, answered_on, url, content_sha
        """;

    private const string Values = """
        @Uid, @Source, @Kind, @Legislature, @Number, @Title, @Subject, @Analyses, @Ministry, @AnsweringMinistry, @AuthorRef, @GroupLabel, @TextRef,
        @Article, @Body, @Answer, @Status, @StatedOn, @AnsweredOn, @Url, @Sha
        """;

    public static async Task<Saved> SaveAsync(DbSession session, ParliamentItem item, long runId)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(item))));
        var existing = await session.SingleOrDefaultAsync<(long Id, string Sha)?>(
            "SELECT id, content_sha FROM parliament_items WHERE uid = @Uid", new { item.Uid });
        var parameters = Parameters(item, sha, runId);
        long id;
        if (existing is null)
        {
            id = await session.InsertAsync("parliament_items", Columns + ", first_run_id, last_run_id", Values + ", @Run, @Run", parameters);
        }
        else if (existing.Value.Sha == sha)
        {
            return Saved.Unchanged;
        }
        else
        {
            id = existing.Value.Id;
            await session.ExecuteAsync("""
                UPDATE parliament_items SET source = @Source, kind = @Kind, legislature = @Legislature, number = @Number, title = @Title,
                    subject = @Subject, analyses = @Analyses, ministry = @Ministry, answering_ministry = @AnsweringMinistry, author_ref = @AuthorRef,
                    group_label = @GroupLabel, text_ref = @TextRef, article = @Article, body = @Body, answer = @Answer, status = @Status,
                    stated_on = @StatedOn, answered_on = @AnsweredOn, url = @Url, content_sha = @Sha, last_run_id = @Run
                WHERE id = @Id
                """, new DapperParameters(parameters).With("Id", id).Value);
            await session.ExecuteAsync("DELETE FROM parliament_item_people WHERE item_id = @id", new { id });
        }

        await session.Dialect.BulkInsertAsync(session.Connection, session.Transaction!, "parliament_item_people",
            ["item_id", "person_ref", "role", "group_ref"], item.People.Select(p => new object?[] { id, p.Ref, p.Role, p.GroupRef }),
            session.CancellationToken);
        return existing is null ? Saved.Added : Saved.Changed;
    }

    private static object Parameters(ParliamentItem item, string sha, long runId) => new
    {
        item.Uid,
        item.Source,
        item.Kind,
        item.Legislature,
        item.Number,
        item.Title,
        item.Subject,
        item.Analyses,
        item.Ministry,
        item.AnsweringMinistry,
        item.AuthorRef,
        item.GroupLabel,
        item.TextRef,
        item.Article,
        item.Body,
        item.Answer,
        item.Status,
        StatedOn = IsoDate.Format(item.StatedOn),
        AnsweredOn = IsoDate.Format(item.AnsweredOn),
        item.Url,
        Sha = sha,
        Run = runId,
    };

    private sealed class DapperParameters(object values)
    {
        private readonly Dapper.DynamicParameters _all = new(values);

        public DapperParameters With(string name, object value)
        {
            _all.Add(name, value);
            return this;
        }

        public Dapper.DynamicParameters Value => _all;
    }
}
