import { Page, Scroll } from "../dashboard/page.tsx";
import {
  listOperations,
  schemaFields,
  type FieldView,
  type OpenApiDocument,
  type OperationView,
} from "./openapi-view.ts";

/** The API reference, generated from the same OpenAPI document `/openapi.json` serves, as plain HTML. */
export function ApiDocsPage(props: { doc: OpenApiDocument }) {
  const { doc } = props;
  const operations = listOperations(doc);
  const schemas = Object.entries(doc.components?.schemas ?? {});
  return (
    <Page title={`Tài liệu API – ${doc.info.title}`}>
      <header class="top">
        <h1>{`Tài liệu API – ${doc.info.title}`}</h1>
        <p class="small">{`Phiên bản ${doc.info.version} · OpenAPI ${doc.openapi}`}</p>
      </header>
      <main>
        <section class="card">
          <p>
            Tài liệu máy đọc được: <a href="/openapi.json">/openapi.json</a>. Bảng điều khiển: <a href="/">/</a>. Các
            yêu cầu (trừ <code>/healthz</code>) cần danh tính: đăng nhập Cloudflare Access, hoặc tiêu đề{" "}
            <code>Authorization: Bearer &lt;mã&gt;</code> với <code>SCORING_TOKEN</code> (chấm điểm, chuẩn bị bảng tính)
            hoặc <code>READ_TOKEN</code> (chỉ xem).
          </p>
          <p>Các trang khác (không thuộc API JSON):</p>
          <ul>
            <li>
              <code>GET /</code> – bảng điều khiển cho Ban Chỉ đạo; tham số <code>year</code>,{" "}
              <code>spreadsheetId</code>
            </li>
            <li>
              <code>GET /docs</code> – trang này
            </li>
            <li>
              <code>GET /openapi.json</code> – tài liệu OpenAPI 3.1
            </li>
            <li>
              <code>GET /healthz</code> – kiểm tra máy chủ còn hoạt động
            </li>
          </ul>
          <nav class="toc" aria-label="Mục lục">
            {operations.map((op) => (
              <a href={`#${anchor(op)}`}>{`${op.method} ${op.path}`}</a>
            ))}
            {schemas.map(([name]) => (
              <a href={`#schema-${name}`}>{name}</a>
            ))}
          </nav>
        </section>
        {operations.map((op) => (
          <OperationCard op={op} />
        ))}
        {schemas.map(([name, schema]) => (
          <section class="card" id={`schema-${name}`}>
            <h2>{`Lược đồ ${name}`}</h2>
            {schema.description ? <p>{schema.description}</p> : null}
            <FieldTable fields={schemaFields(schema, doc)} label={`Các trường của ${name}`} />
          </section>
        ))}
      </main>
    </Page>
  );
}

function anchor(op: OperationView): string {
  return `${op.method}-${op.path}`.toLowerCase().replace(/[^a-z0-9]+/g, "-");
}

function SchemaLink(props: { name: string | null }) {
  return props.name ? <a href={`#schema-${props.name}`}>{props.name}</a> : <span class="muted">—</span>;
}

function OperationCard(props: { op: OperationView }) {
  const { op } = props;
  return (
    <section class="card operation" id={anchor(op)}>
      <h2>
        <code>{`${op.method} ${op.path}`}</code>
      </h2>
      {op.summary ? <p>{op.summary}</p> : null}
      {op.description ? <p>{op.description}</p> : null}
      <p class="small">{op.bearer ? "Cần mã truy cập (Authorization: Bearer …)." : "Không cần mã truy cập."}</p>
      {op.parameters.length > 0 ? (
        <>
          <h3>Tham số</h3>
          <FieldTable fields={op.parameters} label={`Tham số của ${op.method} ${op.path}`} />
        </>
      ) : null}
      {op.body ? (
        <>
          <h3>
            {"Nội dung yêu cầu (JSON"}
            {op.body.required ? ", bắt buộc" : ""}
            {"): "}
            <SchemaLink name={op.body.schema} />
          </h3>
          <FieldTable fields={op.body.fields} label={`Nội dung yêu cầu của ${op.method} ${op.path}`} />
        </>
      ) : null}
      <h3>Phản hồi</h3>
      <Scroll label={`Phản hồi của ${op.method} ${op.path}`}>
        <table class="responses">
          <thead>
            <tr>
              <th scope="col">Mã</th>
              <th scope="col">Ý nghĩa</th>
              <th scope="col">Nội dung</th>
            </tr>
          </thead>
          <tbody>
            {op.responses.map((r) => (
              <tr>
                <td>
                  <code>{r.status}</code>
                </td>
                <td>{r.description}</td>
                <td>
                  <SchemaLink name={r.schema} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Scroll>
    </section>
  );
}

function FieldTable(props: { fields: readonly FieldView[]; label: string }) {
  if (props.fields.length === 0) return <p class="muted">Không có trường nào.</p>;
  const hasWhere = props.fields.some((f) => f.where);
  return (
    <Scroll label={props.label}>
      <table class="fields">
        <thead>
          <tr>
            <th scope="col">Trường</th>
            {hasWhere ? <th scope="col">Vị trí</th> : null}
            <th scope="col">Kiểu</th>
            <th scope="col">Bắt buộc</th>
            <th scope="col">Mô tả</th>
          </tr>
        </thead>
        <tbody>
          {props.fields.map((f) => (
            <tr>
              <td>
                <code>{f.name}</code>
              </td>
              {hasWhere ? <td>{f.where ?? ""}</td> : null}
              <td>
                <code>{f.type}</code>
              </td>
              <td>{f.required ? "Có" : "Không"}</td>
              <td>
                {f.description}
                {f.description && f.notes ? <br /> : null}
                {f.notes ? <span class="muted small">{f.notes}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Scroll>
  );
}
