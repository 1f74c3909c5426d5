using System.Net;
using System.Net.Sockets;
using System.Text;
using CampaignDesk.TestSupport;
using Microsoft.Data.Sqlite;

namespace CampaignDesk.Api.Tests.Import;

/// <summary>
/// The built API behind Kestrel, with its temporary folder (TMPDIR) where the test can see it: an upload streams to a
/// file of its own in a private folder while it arrives, and no file outlives its request, whether the client goes
/// away mid-upload, the file is refused, or it is imported.
/// </summary>
public class InterruptedUploadTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Test]
    public async Task Upload_AbortedMidway_LeavesNoTemporaryFile_NorDoFinishedUploads()
    {
        var folder = Directory.CreateTempSubdirectory("campaigndesk-upload-");
        var temp = folder.CreateSubdirectory("tmp");
        try
        {
            await using var api = await ApiProcess.StartAsync(new Dictionary<string, string>
            {
                ["Database__ConnectionString"] = $"Data Source={Path.Combine(folder.FullName, "campaigndesk.db")}",
                ["Seed__Officials"] = "false",
                ["Seed__Campaign"] = "false",
                ["TMPDIR"] = temp.FullName,
            });

            using (var client = new TcpClient())
            {
                await client.ConnectAsync(IPAddress.Loopback, api.BaseAddress.Port);
                var stream = client.GetStream();
                await stream.WriteAsync(Encoding.ASCII.GetBytes(
                    $"POST /api/imports HTTP/1.1\r\nHost: 127.0.0.1:{api.BaseAddress.Port}\r\nAuthorization: Bearer {ApiProcess.AdminToken}\r\n"
                    + "Content-Type: multipart/form-data; boundary=cut\r\nContent-Length: 50000000\r\n\r\n"
                    + "--cut\r\nContent-Disposition: form-data; name=\"file\"; filename=\"elus-maires-mai-2026-04-24.csv\"\r\n\r\n"));
                var rows = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("01;Ain;;;01001;L'Abergement;NOM;Prénom;F;22/07/1967;38;P;15/03/2026;\n", 1000)));
                for (var i = 0; i < 16; i++)
                {
                    await stream.WriteAsync(rows);
                }

                Assert.That(await WaitAsync(() => UploadFiles(temp).Any(f => f.Length > 0)), Is.True,
                    "the upload streams into a file of the private folder while it arrives");

                // A reset, as a client that crashes or loses its network mid-upload.
                client.Client.LingerState = new LingerOption(true, 0);
            }

            var abortedLeftNothing = await WaitAsync(() => UploadFiles(temp).Count == 0);
            var refused = await PostAsync(api, "x.csv", "a,b,c\n1,2,3\n");
            var imported = await PostAsync(api, "elus-deputes-dep-2026-02-01.csv", ImportsApiTests.Deputes);

            Assert.Multiple(() =>
            {
                Assert.That(abortedLeftNothing, Is.True, "the interrupted upload's file is deleted");
                Assert.That((refused, imported), Is.EqualTo((HttpStatusCode.BadRequest, HttpStatusCode.Created)));
                Assert.That(UploadFiles(temp), Is.Empty, "a refused and an imported upload leave no file either");
                Assert.That(temp.EnumerateFiles("ASPNETCORE_*", SearchOption.AllDirectories), Is.Empty, "ASP.NET spooled nothing of its own");
            });
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static async Task<HttpStatusCode> PostAsync(ApiProcess api, string fileName, string content)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(content)), "file", fileName } };
        using var response = await api.Http.PostAsync("/api/imports", form);
        return response.StatusCode;
    }

    private static List<FileInfo> UploadFiles(DirectoryInfo temp) =>
        [.. temp.EnumerateDirectories("campaigndesk-uploads-*").SelectMany(d => d.EnumerateFiles("*", SearchOption.AllDirectories))];

    private static async Task<bool> WaitAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(100);
        }

        return true;
    }
}
