using CampaignDesk.Core.Common;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace CampaignDesk.Api.Import;

/// <summary>A file received by <see cref="UploadSpool"/>; disposing it deletes it.</summary>
internal sealed class SpooledUpload(string path, string fileName) : IDisposable
{
    public string FileName { get; } = fileName;

    public long Length => new FileInfo(path).Length;

    /// <summary>Opens the file from its start; the importer reads it several times (hash, detection, rows).</summary>
    public Stream Open() => File.OpenRead(path);

    public void Dispose() => File.Delete(path);
}

/// <summary>
/// Streams the multipart field <c>file</c> of an upload straight to a file of its own, in a folder only this process's
/// account can open (created on first use, removed when the host stops): never into memory, nor into ASP.NET's
/// shared spool. The caller disposes the upload, and a failed or interrupted one is deleted here: no temporary file
/// outlives its request, whether the import succeeds, fails, or the client goes away mid-upload.
/// </summary>
internal sealed class UploadSpool : IDisposable
{
    public const string Field = "file";

    private readonly Lazy<DirectoryInfo> _folder = new(() => Directory.CreateTempSubdirectory("campaigndesk-uploads-"));

    /// <returns>The upload, or why there is none.</returns>
    public async Task<(SpooledUpload? Upload, Message? Error)> ReceiveAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 } boundary)
        {
            return (null, Messages.UploadFileMissing.With(Field));
        }

        var reader = new MultipartReader(boundary, request.Body) { BodyLengthLimit = limit };
        try
        {
            // Reading the next section skips what is left of the previous one: other fields are never buffered.
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) && disposition.IsFileDisposition()
                    && HeaderUtilities.RemoveQuotes(disposition.Name).Value == Field)
                {
                    var name = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                    return (await SaveAsync(section.Body, Path.GetFileName(name ?? "") is { Length: > 0 } n ? n : "upload", cancellationToken), null);
                }
            }
        }
        catch (InvalidDataException ex) when (ex.Message.Contains("body length limit", StringComparison.OrdinalIgnoreCase))
        {
            return (null, Messages.UploadTooLarge.With(limit / 1024 / 1024));
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException && ex is not BadHttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            // Kestrel's own refusals (a body over the limit, a truncated request) go on to the exception handler.
            return (null, Messages.UploadUnreadable);
        }

        return (null, Messages.UploadFileMissing.With(Field));
    }

    public void Dispose()
    {
        if (_folder.IsValueCreated)
        {
            _folder.Value.Delete(recursive: true);
        }
    }

    private async Task<SpooledUpload> SaveAsync(Stream body, string fileName, CancellationToken cancellationToken)
    {
        var path = Path.Combine(_folder.Value.FullName, $"{Guid.NewGuid():N}.upload");
        var upload = new SpooledUpload(path, fileName);
        try
        {
            await using var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous);
            await body.CopyToAsync(target, cancellationToken);
            return upload;
        }
        catch
        {
            upload.Dispose();
            throw;
        }
    }
}
