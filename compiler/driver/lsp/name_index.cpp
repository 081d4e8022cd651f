#include "compiler/driver/lsp/name_index.hpp"

#include <type_traits>

namespace reps::lsp {

namespace {

class Collector {
public:
    explicit Collector(std::vector<Occurrence>& out) : out_(out) {}

    void use(NameKind kind, const ast::Name& name) {
        if (!name.text.empty()) out_.push_back(Occurrence{kind, name.text, name.span, false, {}});
    }
    void declare(NameKind kind, const ast::Name& name, const SourceSpan& whole) {
        if (!name.text.empty()) out_.push_back(Occurrence{kind, name.text, name.span, true, whole});
    }

    void equipment(const ast::EquipmentExpr& expression) {
        if (expression.kind == ast::EquipmentExpr::Kind::name) use(NameKind::equipment, expression.name);
        for (const auto& operand : expression.operands) equipment(operand);
    }

    void prescription(const ast::Prescription& prescription) {
        use(NameKind::exercise, prescription.exercise);
        for (const ast::Alternative& alternative : prescription.modifiers->alternatives) use(NameKind::exercise, alternative.name);
    }

    void statements(const ast::LongList<ast::Statement>& body) {
        for (const ast::Statement& statement : body) {
            std::visit(
                [&](const auto& node) {
                    using Node = std::decay_t<decltype(node)>;
                    if constexpr (std::is_same_v<Node, ast::Prescription>) {
                        prescription(node);
                    } else if constexpr (std::is_same_v<Node, ast::FocusStatement>) {
                        for (const ast::Name& region : node.regions) use(NameKind::region, region);
                    } else if constexpr (std::is_same_v<Node, ast::PhaseBlock>) {
                        statements(node.body);
                    } else if constexpr (std::is_same_v<Node, ast::GroupBlock> || std::is_same_v<Node, ast::IntervalsBlock> ||
                                         std::is_same_v<Node, ast::TimedBlock>) {
                        for (const ast::Prescription& entry : node.entries) prescription(entry);
                    }
                },
                statement.node);
        }
    }

    void declaration(const ast::Declaration& declaration) {
        std::visit(
            [&](const auto& node) {
                using Node = std::decay_t<decltype(node)>;
                if constexpr (std::is_same_v<Node, ast::RegionDecl>) {
                    declare(NameKind::region, node.name, node.span);
                } else if constexpr (std::is_same_v<Node, ast::MuscleDecl>) {
                    declare(NameKind::muscle, node.name, node.span);
                    use(NameKind::region, node.region);
                } else if constexpr (std::is_same_v<Node, ast::EquipmentDecl>) {
                    declare(NameKind::equipment, node.name, node.span);
                } else if constexpr (std::is_same_v<Node, ast::ExerciseDecl>) {
                    declare(NameKind::exercise, node.name, node.span);
                    for (const ast::Name& alias : node.aka) declare(NameKind::exercise, alias, node.span);
                    for (const ast::Name& muscle : node.primary) use(NameKind::muscle, muscle);
                    for (const ast::Name& muscle : node.secondary) use(NameKind::muscle, muscle);
                    if (node.equipment) equipment(*node.equipment);
                    for (const ast::Name& other : node.easier) use(NameKind::exercise, other);
                    for (const ast::Name& other : node.harder) use(NameKind::exercise, other);
                } else if constexpr (std::is_same_v<Node, ast::ProfileDecl>) {
                    declare(NameKind::profile, node.name, node.span);
                    for (const ast::Name& item : node.equipment) use(NameKind::equipment, item);
                } else if constexpr (std::is_same_v<Node, ast::WorkoutDecl>) {
                    declare(NameKind::workout, node.name, node.span);
                    statements(node.body);
                } else if constexpr (std::is_same_v<Node, ast::ProgramDecl>) {
                    declare(NameKind::program, node.name, node.span);
                    for (const ast::SessionDecl& session : node.sessions) {
                        if (session.workout) use(NameKind::workout, *session.workout);
                    }
                }
            },
            declaration);
    }

private:
    std::vector<Occurrence>& out_;
};

}  // namespace

std::vector<Occurrence> collect_names(const ast::File& file) {
    std::vector<Occurrence> names;
    Collector collector(names);
    for (const ast::Declaration& declaration : file.declarations) collector.declaration(declaration);
    return names;
}

const Occurrence* occurrence_at(const std::vector<Occurrence>& names, std::size_t offset) {
    for (const Occurrence& name : names) {
        if (offset >= name.span.offset && offset <= std::size_t{name.span.offset} + name.span.length) return &name;
    }
    return nullptr;
}

}  // namespace reps::lsp
